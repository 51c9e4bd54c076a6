import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acmeImageId, DEMO } from "../seed/demo";
import { testEmulator, type TestEmulator } from "../testing";

let emu: TestEmulator;
let alice: string;

beforeEach(async () => {
  emu = testEmulator();
  alice = await emu.login("alice");
});
afterEach(() => emu.close());

const GLOBEX_GPU = "610be000-0000-4000-8000-000000000001";
const GLOBEX_OLD = "610be000-0000-4000-8000-000000000003";

interface NativePage {
  images: { id: string; name: string }[];
  first: string;
  next?: string;
  schema: string;
}

async function get<T = NativePage>(path: string, token = alice) {
  const res = await emu.call<T>("GET", path, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const names = async (path: string) => (await get(path)).images.map((i) => i.name).sort();

/** Follows `next` links from `path`, as glanceclient does. */
async function follow(path: string) {
  const ids: string[] = [];
  const pages: NativePage[] = [];
  for (let next: string | undefined = path; next;) {
    if (pages.length > 100) throw new Error("next links do not end");
    const page: NativePage = await get(next);
    pages.push(page);
    ids.push(...page.images.map((i) => i.id));
    next = page.next;
  }
  return { ids, pages };
}

describe("GET /v2/images", () => {
  it("pages by 25 with first, schema and next links until the last page", async () => {
    const page = await get("/v2/images");
    expect(page.images).toHaveLength(25);
    expect(page.first).toBe("/v2/images");
    expect(page.schema).toBe("/v2/schemas/images");
    expect(page.next).toBe(`/v2/images?marker=${page.images[24].id}&limit=25`);
    const { ids, pages } = await follow("/v2/images");
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    expect(pages.map((p) => p.images.length)).toEqual([25, 25]);
    expect(pages[1]).not.toHaveProperty("next");
  });

  it("keeps the other query parameters in next", async () => {
    const page = await get(`/v2/images?owner=${DEMO.acmeAp}&limit=20&sort_dir=asc`);
    const next = new URL(page.next ?? "", "http://x").searchParams;
    expect(Object.fromEntries(next)).toEqual({
      marker: page.images[19].id,
      limit: "20",
      owner: DEMO.acmeAp,
      sort_dir: "asc",
    });
    expect(page.first).toBe(`/v2/images?owner=${DEMO.acmeAp}&limit=20&sort_dir=asc`);
    const { ids, pages } = await follow(`/v2/images?owner=${DEMO.acmeAp}&limit=20&sort_dir=asc`);
    expect(pages.map((p) => p.images.length)).toEqual([20, 20, 8]);
    const all = await get(`/v2/images?owner=${DEMO.acmeAp}&limit=100&sort_dir=asc`);
    expect(ids).toEqual(all.images.map((i) => i.id));
    expect(all).not.toHaveProperty("next");
  });

  it("lists shared-with-me images by member_status, accepted by default", async () => {
    expect(await names("/v2/images?visibility=shared")).toEqual(["globex-ci-runner"]);
    expect(await names("/v2/images?visibility=shared&member_status=pending")).toEqual([
      "globex-analytics-gpu",
      "globex-fullecs-cbr",
      "initech-ml-base",
    ]);
    expect(await names("/v2/images?visibility=shared&member_status=rejected")).toEqual(["globex-old-base"]);
    expect(await names("/v2/images?visibility=shared&member_status=all")).toHaveLength(5);
    const { images } = await get(`/v2/images?__imagetype=shared&member_status=all&owner=${DEMO.globexAp}`);
    expect(images).toHaveLength(4);
  });

  it("excludes own images that have members from visibility=private", async () => {
    const own = await names(`/v2/images?visibility=private&limit=100`);
    expect(own).toHaveLength(46);
    expect(own).toContain("ubuntu-22.04-web");
    expect(own).not.toContain("debian-12-base");
    expect(own).not.toContain("almost-full");
  });

  it("accepts os_hidden and ignores unknown parameters", async () => {
    expect((await get("/v2/images?os_hidden=True")).images).toEqual([]);
    expect((await get("/v2/images?os_hidden=false")).images).toHaveLength(25);
    expect((await get("/v2/images?frobnicate=1&name=debian-12-base")).images.map((i) => i.name)).toEqual([
      "debian-12-base",
    ]);
  });

  it("sorts with Glance's sort=key:dir syntax", async () => {
    const byName = (await get(`/v2/images?owner=${DEMO.acmeAp}&sort=name:asc&limit=100`)).images.map((i) => i.name);
    expect(byName).toEqual([...byName].sort());
    const res = await emu.call("GET", "/v2/images?sort=name:asc&sort_key=id", { token: alice });
    expect(res.status).toBe(400);
  });

  it("answers 401 nested on Glance paths", async () => {
    const res = await emu.call("GET", "/v2/images");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: { message: expect.any(String), code: "APIGW.0301", request_id: expect.any(String) },
    });
    const detail = await emu.call("GET", `/v2/images/${acmeImageId(1)}`, { token: "not-a-token" });
    expect(detail.status).toBe(401);
    expect(detail.body.error.code).toBe("APIGW.0301");
  });
});

describe("GET /v2/images/{image_id}", () => {
  it("shows an image to a member in any status, with the sharer as owner", async () => {
    const gpu = await get<Record<string, unknown>>(`/v2/images/${GLOBEX_GPU}`);
    expect(gpu).toMatchObject({
      id: GLOBEX_GPU,
      name: "globex-analytics-gpu",
      owner: DEMO.globexAp,
      visibility: "shared",
      __imagetype: "shared",
    });
    expect(gpu).not.toHaveProperty("images");
    expect(await get(`/v2/images/${GLOBEX_OLD}`)).toMatchObject({ name: "globex-old-base" });
    const bob = await emu.login("bob");
    expect(await get(`/v2/images/${acmeImageId(2)}`, bob)).toMatchObject({
      name: "debian-12-base",
      owner: DEMO.acmeAp,
    });
  });

  it("answers 404, not 403, to a project that is neither owner nor member", async () => {
    const bob = await emu.login("bob");
    for (const id of [acmeImageId(1), "not-a-uuid", acmeImageId(999)]) {
      const res = await emu.call("GET", `/v2/images/${id}`, { token: bob });
      expect(res.status, id).toBe(404);
      expect(res.body).toEqual({
        error: { code: "404 Not Found", title: "Not Found", message: expect.stringContaining(id) },
      });
    }
  });

  it("shows public images to everyone", async () => {
    for (const user of ["bob", "carol", "audrey"] as const) {
      const token = await emu.login(user);
      expect(await get(`/v2/images/${acmeImageId(9)}`, token)).toMatchObject({
        name: "public-ubuntu",
        visibility: "public",
        __imagetype: "gold",
      });
    }
  });

  it("carries every field of the reference with the right type", async () => {
    const image = await get<Record<string, unknown>>(`/v2/images/${acmeImageId(1)}`);
    const strings = [
      "id",
      "name",
      "status",
      "owner",
      "visibility",
      "__imagetype",
      "__os_type",
      "__platform",
      "__os_version",
      "__os_bit",
      "virtual_env_type",
      "__isregistered",
      "__image_source_type",
      "__image_size",
      "disk_format",
      "container_format",
      "created_at",
      "updated_at",
      "active_at",
      "self",
      "file",
      "schema",
      "enterprise_project_id",
      "checksum",
      "architecture",
      "__system_encrypted",
    ];
    for (const key of strings) expect(typeof image[key], key).toBe("string");
    for (const key of ["min_disk", "min_ram"]) expect(typeof image[key], key).toBe("number");
    expect(typeof image.protected).toBe("boolean");
    expect(image.tags).toEqual([]);
    expect(image).toMatchObject({
      size: null,
      virtual_size: null,
      __isregistered: "true",
      __image_source_type: "uds",
      container_format: "bare",
      virtual_env_type: "FusionCompute",
      __image_size: "2147483648",
      enterprise_project_id: "0",
      schema: "/v2/schemas/image",
      __system_encrypted: "0",
    });
    expect(image.self).toBe(`/v2/images/${acmeImageId(1)}`);
    expect(image.file).toBe(`/v2/images/${acmeImageId(1)}/file`);
    for (const key of ["created_at", "updated_at", "active_at"])
      expect(image[key], key).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    for (const key of ["__whole_image", "__backup_id", "__system__cmkid", "__productcode", "__member_count"])
      expect(image, key).not.toHaveProperty(key);
  });

  it("adds the extras of whole, encrypted, data and market images", async () => {
    expect(await get(`/v2/images/${acmeImageId(5)}`)).toMatchObject({
      __whole_image: "true",
      __backup_id: "ac0e0000-0000-4000-8000-00000000bb05",
      virtual_env_type: "FusionCompute",
    });
    expect(await get(`/v2/images/${acmeImageId(3)}`)).toMatchObject({
      __system__cmkid: "5f1d0000-0000-4000-8000-00000000c0de",
      __system_encrypted: "1",
    });
    expect(await get(`/v2/images/${acmeImageId(7)}`)).toMatchObject({ virtual_env_type: "DataImage" });
    const image = emu.emu.world.images.get(acmeImageId(1));
    if (image) image.imagetype = "market";
    const market = await get<Record<string, unknown>>(`/v2/images/${acmeImageId(1)}`);
    expect(market).toMatchObject({ visibility: "private", __imagetype: "market", __productcode: expect.any(String) });
  });
});

describe("GET /v1/cloudimages/quota", () => {
  type Quota = { quotas: { resources: { type: string; used: number; quota: number; min: number; max: number }[] } };

  it("reports acme's images, shared images and the fullest image's members", async () => {
    const { quotas } = await get<Quota>("/v1/cloudimages/quota");
    expect(quotas.resources).toEqual([
      { type: "image", used: 48, quota: 100, min: 1, max: 1000 },
      { type: "image_shared", used: 2, quota: 100, min: 1, max: 1000 },
      { type: "image_member", used: 255, quota: 256, min: 1, max: 256 },
    ]);
  });

  it("follows the configured member limit and the caller's project", async () => {
    emu.close();
    emu = testEmulator({ memberLimit: 128, imageQuota: 50 });
    const bob = await emu.login("bob");
    const { quotas } = await get<Quota>("/v1/cloudimages/quota", bob);
    expect(quotas.resources).toEqual([
      { type: "image", used: 5, quota: 50, min: 1, max: 1000 },
      { type: "image_shared", used: 4, quota: 50, min: 1, max: 1000 },
      { type: "image_member", used: 1, quota: 128, min: 1, max: 128 },
    ]);
  });
});
