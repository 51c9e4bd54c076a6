import { describe, expect, it } from "vitest";
import { chunkCalls } from "./calls";

const pairs = (images: number, targets: number, offset = 0) =>
  Array.from({ length: images }, (_, i) =>
    Array.from({ length: targets }, (_, t) => ({
      image_id: `img-${i + offset}`,
      target: `t-${String(t).padStart(3, "0")}`,
    })),
  ).flat();

describe("chunkCalls", () => {
  it("puts images with the same targets in one call, up to the chunk size", () => {
    const calls = chunkCalls(pairs(120, 3), 50, 100);
    expect(calls.map((c) => new Set(c.map((p) => p.image_id)).size)).toEqual([50, 50, 20]);
    expect(calls.flat()).toHaveLength(360);
  });

  it("splits more than 100 targets of an image into calls of 100, so that each call's cross product is exactly its pairs", () => {
    const calls = chunkCalls(pairs(2, 250), 50, 100);
    expect(calls.map((c) => c.length)).toEqual([200, 200, 100]);
    for (const call of calls) {
      const images = new Set(call.map((p) => p.image_id));
      const targets = new Set(call.map((p) => p.target));
      expect(call).toHaveLength(images.size * targets.size);
    }
  });

  it("keeps images with different target sets apart", () => {
    const mixed = [...pairs(3, 2), ...pairs(2, 1, 3)];
    const calls = chunkCalls(mixed, 50, 100);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.length).sort()).toEqual([2, 6]);
  });
});
