import { describe, expect, it } from "vitest";
import type { ConfigPatch } from "../core/config";
import { acmeImageId } from "../seed/demo";
import { testEmulator } from "../testing";

/** Section 14 of cloud-api.md, rows D2 (nulls) and D4 (`__whole_image`) on the IMS image reads. */

const UBUNTU = acmeImageId(1);
const ENCRYPTED = acmeImageId(3);
const FROM_CBR = acmeImageId(5);
const LEGACY = acmeImageId(6);

type Image = Record<string, unknown> & { id: string };

async function setup(config: ConfigPatch = {}) {
  const t = testEmulator(config);
  const alice = await t.login("alice");
  const get = async (path: string) => (await t.call("GET", path, { token: alice })).body;
  const byId = (images: Image[]) => Object.fromEntries(images.map((i) => [i.id, i]));
  return { t, get, byId };
}

describe("D4 whole-image-attribute", () => {
  it('A: full-ECS images carry __whole_image "true", others do not', async () => {
    const { get, byId } = await setup();
    const images = byId((await get("/v2/cloudimages")).images);
    expect(images[FROM_CBR].__whole_image).toBe("true");
    expect(images[LEGACY].__whole_image).toBe("true");
    expect(images[UBUNTU]).not.toHaveProperty("__whole_image");
    expect((await get(`/v2/images/${FROM_CBR}`)).__whole_image).toBe("true");
  });

  it("B: no image object has __whole_image, the filter still selects, and CBR images keep __backup_id", async () => {
    const { get, byId } = await setup({ disputed: { wholeImageAttribute: "B" } });
    const lists: Image[][] = [(await get("/v2/cloudimages")).images, (await get("/v2/images?limit=100")).images];
    for (const images of lists) {
      expect(images.length).toBeGreaterThan(5);
      for (const image of images) expect(image).not.toHaveProperty("__whole_image");
    }
    const show = await get(`/v2/images/${FROM_CBR}`);
    expect(show).not.toHaveProperty("__whole_image");
    expect(show.__backup_id).toBe("ac0e0000-0000-4000-8000-00000000bb05");
    const whole = (await get("/v2/cloudimages?__whole_image=true")).images.map((i: Image) => i.id).sort();
    expect(whole).toEqual([FROM_CBR, LEGACY]);
    const notWhole = byId((await get("/v2/images?__whole_image=false&limit=100")).images);
    expect(notWhole[UBUNTU]).toBeDefined();
    expect(notWhole[FROM_CBR]).toBeUndefined();
  });
});

describe("D2 null-optional-fields (IMS images)", () => {
  it("A: absent optional strings are omitted", async () => {
    const { get } = await setup();
    const ubuntu = await get(`/v2/images/${UBUNTU}`);
    for (const key of ["__backup_id", "__system__cmkid", "__productcode", "__whole_image"])
      expect(ubuntu).not.toHaveProperty(key);
  });

  it("B: absent optional strings are null, present ones keep their values", async () => {
    const { get, byId } = await setup({ disputed: { nullOptionalFields: "B" } });
    const images = byId((await get("/v2/cloudimages")).images);
    expect(images[UBUNTU]).toMatchObject({
      __backup_id: null,
      __system__cmkid: null,
      __productcode: null,
      __whole_image: null,
    });
    expect(images[ENCRYPTED].__system__cmkid).toBe("5f1d0000-0000-4000-8000-00000000c0de");
    expect(images[FROM_CBR]).toMatchObject({
      __whole_image: "true",
      __backup_id: "ac0e0000-0000-4000-8000-00000000bb05",
    });
    expect(await get(`/v2/images/${UBUNTU}`)).toMatchObject({ __backup_id: null, __system__cmkid: null });
    const native = byId((await get("/v2/images?limit=100")).images);
    expect(native[UBUNTU].__backup_id).toBeNull();
  });

  it("B with D4 B: __whole_image stays absent rather than null", async () => {
    const { get } = await setup({ disputed: { nullOptionalFields: "B", wholeImageAttribute: "B" } });
    const ubuntu = await get(`/v2/images/${UBUNTU}`);
    expect(ubuntu).not.toHaveProperty("__whole_image");
    expect(ubuntu.__backup_id).toBeNull();
  });
});
