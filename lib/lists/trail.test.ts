import { describe, expect, it } from "vitest";
import { MAX_TRAIL, pageNumber, popTrail, pushTrail, trailParam } from "./trail";

const m = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("the trail of markers", () => {
  it("walks forward and back to the first page", () => {
    const p2 = { marker: m(1), trail: pushTrail(undefined, undefined) };
    expect(p2.trail).toBeUndefined();
    expect(pageNumber(p2.marker, p2.trail)).toBe(2);
    const p3 = { marker: m(2), trail: pushTrail(p2.marker, p2.trail) };
    expect(p3.trail).toBe(m(1));
    expect(pageNumber(p3.marker, p3.trail)).toBe(3);
    expect(popTrail(p3.trail)).toEqual(p2);
    expect(popTrail(p2.trail)).toEqual({ marker: undefined, trail: undefined });
    expect(pageNumber(undefined, undefined)).toBe(1);
  });

  it("accepts only marker ids, and no more than it keeps", () => {
    expect(trailParam.parse(`${m(1)},${m(2)}`)).toBe(`${m(1)},${m(2)}`);
    expect(trailParam.parse(`${m(1)},javascript:x`)).toBeUndefined();
    const long = Array.from({ length: MAX_TRAIL }, (_, i) => m(i)).join(",");
    expect(pushTrail(m(999), long)?.split(",")).toHaveLength(MAX_TRAIL);
    expect(trailParam.parse(`${long},${m(999)}`)).toBeUndefined();
  });
});
