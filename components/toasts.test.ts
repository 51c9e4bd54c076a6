import { describe, expect, it } from "vitest";
import { addToast, lifetimeOf, MAX_TOASTS, type Toast } from "./toasts";

const toast = (id: number, title: string, key?: string): Toast => ({ id, tone: "info", title, key });

describe("toasts", () => {
  it("replaces the toast about the same thing instead of stacking a second one", () => {
    let all = addToast([], toast(1, "Finished: 17 succeeded, 3 failed", "batch:a"));
    all = addToast(all, toast(2, "Shared ubuntu", "image:u"));
    all = addToast(all, toast(3, "Finished: 20 succeeded, 0 failed", "batch:a"));
    expect(all.map((t) => t.title)).toEqual(["Shared ubuntu", "Finished: 20 succeeded, 0 failed"]);
  });

  it("stacks toasts without a key, keeping the newest few", () => {
    let all: Toast[] = [];
    for (let i = 1; i <= MAX_TOASTS + 2; i++) all = addToast(all, toast(i, `t${i}`));
    expect(all.map((t) => t.id)).toEqual([3, 4, 5, 6]);
  });

  it("lets toasts leave on their own unless they need an action", () => {
    expect(lifetimeOf({ tone: "success", title: "ok" })).toBeGreaterThan(0);
    expect(lifetimeOf({ tone: "error", title: "no" })).toBeGreaterThan(0);
    expect(lifetimeOf({ tone: "error", title: "no", action: { label: "Retry", onClick: () => {} } })).toBeUndefined();
  });
});
