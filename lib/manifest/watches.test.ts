import { describe, expect, it } from "vitest";
import type { WatchStatus } from "@/lib/db/types";
import { driftedWatches } from "./watches";

describe("drifted watches", () => {
  it("keeps only the manifests whose last check found drift, in their order", () => {
    const statuses: WatchStatus[] = ["new", "drift", "ok", "waiting", "failed", "drift"];
    const rows = statuses.map((status, i) => ({ id: `w${i}`, status }));
    expect(driftedWatches(rows).map((w) => w.id)).toEqual(["w1", "w5"]);
    expect(driftedWatches([])).toEqual([]);
  });
});
