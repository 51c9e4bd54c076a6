import { describe, expect, it } from "vitest";
import type { Image } from "@/lib/cloud/schemas/ims";
import { kindOf, memberLimitOf, shareBlocker, wholeFromFields } from "./shareability";
import { markWhole, trustedWholeIds } from "./whole";

const OWNER = "ac0e00000000000000000000000000a1";
const image = (over: Partial<Image> & { wholeByFilter?: boolean } = {}): Image & { wholeByFilter?: boolean } => ({
  id: "1b7f0000-0000-4000-8000-000000000001",
  name: "img",
  status: "active",
  owner: OWNER,
  visibility: "private",
  __imagetype: "private",
  virtual_env_type: "FusionCompute",
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  ...over,
});
const ctx = { projectId: OWNER, region: "ap-southeast-1", windowsRestrictedRegions: [] };

/** D4: every documented signal of a full-ECS image, each alone, and what happens when none tells. */
describe("image kind", () => {
  it("reads __whole_image as a boolean or a string, either way", () => {
    expect(kindOf(image({ __whole_image: true }))).toBe("whole");
    expect(kindOf(image({ __whole_image: "true" }))).toBe("whole");
    expect(kindOf(image({ __whole_image: false }))).toBe("system");
    expect(kindOf(image({ __whole_image: "false" }))).toBe("system");
  });

  it("takes a __backup_id for a full-ECS image made from CBR", () => {
    expect(kindOf(image({ __backup_id: "b-1" }))).toBe("whole");
    expect(kindOf(image({ __backup_id: "" }))).toBe("unknown");
  });

  it("knows a data-disk image is never full-ECS", () => {
    expect(wholeFromFields(image({ virtual_env_type: "DataImage" }))).toBe(false);
    expect(kindOf(image({ virtual_env_type: "DataImage" }))).toBe("data");
  });

  it("uses the list filter's verdict only where the fields say nothing", () => {
    expect(kindOf(image({ wholeByFilter: true }))).toBe("whole");
    expect(kindOf(image({ wholeByFilter: false }))).toBe("system");
    expect(kindOf(image({ __whole_image: "false", wholeByFilter: true }))).toBe("system");
  });

  it("with no signal the kind is unknown: the quota's limit, not 10, and no 'not from CBR' block", () => {
    const unknown = image();
    expect(kindOf(unknown)).toBe("unknown");
    expect(memberLimitOf(unknown, 256)).toBe(256);
    expect(memberLimitOf(unknown)).toBe(256);
    expect(shareBlocker(unknown, ctx)).toBeUndefined();
  });

  it("10 members and IMG.0135 for full-ECS images known by the filter alone", () => {
    expect(memberLimitOf(image({ wholeByFilter: true }), 256)).toBe(10);
    expect(shareBlocker(image({ wholeByFilter: true }), ctx)?.code).toBe("IMG.0135");
    expect(shareBlocker(image({ __backup_id: "b-1" }), ctx)).toBeUndefined();
  });
});

describe("the __whole_image=true filter's answer", () => {
  const a = image({ id: "a" });
  const b = image({ id: "b" });
  it("is trusted unless it holds an image that cannot be full-ECS", () => {
    expect(trustedWholeIds([a])).toEqual(new Set(["a"]));
    expect(trustedWholeIds([a, image({ id: "d", virtual_env_type: "DataImage" })])).toBeUndefined();
    expect(trustedWholeIds([a, image({ id: "s", __whole_image: "false" })])).toBeUndefined();
  });

  it("marks only images whose fields do not tell; an untrusted answer marks none", () => {
    const cbr = image({ id: "c", __backup_id: "b-1" });
    expect(markWhole([a, b, cbr], new Set(["a"])).map((i) => i.wholeByFilter)).toEqual([true, false, undefined]);
    expect(markWhole([a, b], undefined).map(kindOf)).toEqual(["unknown", "unknown"]);
  });
});
