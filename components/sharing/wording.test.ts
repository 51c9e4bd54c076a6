import { describe, expect, it } from "vitest";
import type { ShareResultView, UnshareResultView } from "@/lib/sharing/forms";
import { said, type PairOutcome } from "@/lib/sharing/pairs";
import { sayIn } from "@/test/intl";
import { shareToast, shareWords, unshareToast } from "./wording";

const say = sayIn();

const pair = (target: string, outcome: PairOutcome["outcome"], reason?: string): PairOutcome => ({
  image: "i",
  target,
  outcome,
  ...(reason ? { reason: said(reason) } : {}),
});
const shared = (results: PairOutcome[], jobIds: string[] = []) => ({
  ok: true as const,
  data: {
    service: "ims",
    targets: "",
    rows: [],
    counts: { add: 0, skip: 0, blocked: 0 },
    results,
    jobIds,
  } as ShareResultView,
});
const removed = (results: PairOutcome[], jobIds: string[] = []) => ({
  ok: true as const,
  data: { imageName: "x", results, jobIds, removedAccepted: 0 } as UnshareResultView,
});

describe("share toasts", () => {
  it("keeps each service's wording", () => {
    expect(shareToast(say, "ims", "ubuntu", shared([pair("a", "succeeded")], ["j1"]))).toEqual({
      tone: "success",
      title: "Shared ubuntu with 1 target",
      body: "IMS job j1",
    });
    expect(shareToast(say, "cph", "game", shared([pair("a", "succeeded"), pair("b", "succeeded")]))).toEqual({
      tone: "success",
      title: "Shared game with 2 projects",
      body: undefined,
    });
    expect(shareToast(say, "cph", "game", shared([pair("a", "failed", "Other region.")]))).toMatchObject({
      tone: "error",
      title: "Could not share game with 1 project",
      body: "Other region.",
    });
    expect(shareToast(say, "cph", "game", shared([pair("a", "succeeded"), pair("b", "failed", "No.")]))).toMatchObject({
      title: "Shared game with 1 of 2 projects",
      body: "No.",
    });
    expect(
      shareToast(say, "ims", "2 images", shared([pair("a", "succeeded"), pair("b", "failed")], ["j"])),
    ).toMatchObject({
      tone: "error",
      title: "Shared 2 images: 1 done, 1 failed",
    });
    expect(shareToast(say, "cph", "game", shared([pair("a", "skipped")]))).toMatchObject({
      tone: "info",
      title: "Nothing to share: every target was skipped or blocked",
    });
  });

  it("says why a share that could not start failed, with the cloud's code", () => {
    const failed = {
      ok: false as const,
      error: {
        code: "upstream_unavailable" as const,
        message: "Huawei Cloud is not answering.",
        upstreamCode: "IMG.0503",
      },
    };
    expect(shareToast(say, "ims", "ubuntu", failed)).toEqual({
      tone: "error",
      title: "Sharing ubuntu failed",
      body: "Huawei Cloud is not answering. (IMG.0503)",
    });
    expect(shareToast(say, "cph", "game", failed).title).toBe("Could not share game");
  });
});

describe("unshare toasts", () => {
  it("keeps each service's wording", () => {
    expect(unshareToast(say, "ims", "debian", removed([pair("a", "succeeded")], ["j"]))).toEqual({
      tone: "success",
      title: "Removed 1 member of debian",
      body: "IMS job j",
    });
    expect(unshareToast(say, "cph", "game", removed([pair("a", "succeeded"), pair("b", "succeeded")])).title).toBe(
      "Stopped sharing game with 2 projects",
    );
    expect(unshareToast(say, "cph", "game", removed([pair("a", "failed", "503")]))).toMatchObject({
      tone: "error",
      title: "Could not stop sharing game with 1 project",
      body: "503",
    });
    expect(unshareToast(say, "ims", "debian", removed([pair("a", "succeeded"), pair("b", "failed")])).title).toBe(
      "Removed 1 of 2 members of debian",
    );
  });
});

describe("share words", () => {
  it("name the field and the send button as each page's tests and users know them", () => {
    expect(shareWords(say, "ims", 1).label).toBe("Targets");
    expect(shareWords(say, "ims", 1).send(2)).toBe("Share 2 pairs");
    expect(shareWords(say, "cph", 1, "ap-southeast-1", 10).label).toBe("Project ids");
    expect(shareWords(say, "cph", 1, "ap-southeast-1", 10).send(1)).toBe("Share with 1 project");
    expect(shareWords(say, "cph", 1, "ap-southeast-1", 10).hint).toContain("with at most 10 projects per image");
  });
});
