import { describe, expect, it } from "vitest";
import { imageListQuery, nearLimit } from "./image-page";
import { NEAR_LIMIT_SHARE } from "./rules";

const image = (members: number, limit: number) => ({ members: Array.from({ length: members }, (_, i) => i), limit });

describe("an image near its member limit", () => {
  it("has used 90% of the limit or more, rounded up to whole members", () => {
    expect(NEAR_LIMIT_SHARE).toBe(0.9);
    expect(nearLimit(image(230, 256))).toBe(false);
    expect(nearLimit(image(231, 256))).toBe(true);
    expect(nearLimit(image(256, 256))).toBe(true);
    expect(nearLimit(image(8, 10))).toBe(false);
    expect(nearLimit(image(9, 10))).toBe(true);
    expect(nearLimit(image(89, 100))).toBe(false);
    expect(nearLimit(image(90, 100))).toBe(true);
    expect(nearLimit(image(0, 256))).toBe(false);
  });
});

describe("the Images list's `full` filter in the URL", () => {
  it("reads full=90 and drops anything else", () => {
    expect(imageListQuery.parse({ full: "90" }).full).toBe("90");
    expect(imageListQuery.parse({}).full).toBeUndefined();
    expect(imageListQuery.parse({ full: "80" }).full).toBeUndefined();
    expect(imageListQuery.parse({ full: ["90", "90"] }).full).toBeUndefined();
  });

  it("goes with the other filters and leaves them as they were", () => {
    expect(imageListQuery.parse({ full: "90", expiring: "7", pending: "yes", limit: "50" })).toMatchObject({
      full: "90",
      expiring: "7",
      pending: "yes",
      limit: 50,
      sort: "created_at",
      dir: "desc",
    });
  });
});
