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

const SHARED_WITH_ACME = {
  pending: ["globex-analytics-gpu", "globex-fullecs-cbr", "initech-ml-base"],
  accepted: ["globex-ci-runner"],
  rejected: ["globex-old-base"],
};
const APP_NAMES = Array.from({ length: 40 }, (_, i) => `app-${String(i + 1).padStart(2, "0")}`);
const ACME_NAMED = [
  "ubuntu-22.04-web",
  "debian-12-base",
  "centos-7-encrypted",
  "win2019-base",
  "full-ecs-from-cbr",
  "full-ecs-legacy",
  "data-disk-archive",
  "almost-full",
];

async function list(path: string, token = alice) {
  const res = await emu.call("GET", path, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.images as { id: string; name: string; [k: string]: unknown }[];
}
const names = async (path: string, token = alice) => (await list(path, token)).map((i) => i.name).sort();

/** Follows `marker` pages of the extension API until a short page. */
async function pageThrough(query: string, limit: number) {
  const ids: string[] = [];
  for (let marker = ""; ids.length <= 1000;) {
    const page = await list(`/v2/cloudimages?${query}&limit=${limit}${marker ? `&marker=${marker}` : ""}`);
    ids.push(...page.map((i) => i.id));
    if (page.length < limit) return ids;
    marker = page[page.length - 1].id;
  }
  throw new Error("paging does not end");
}

describe("GET /v2/cloudimages", () => {
  it("lists alice's 48 own images for owner=<her project>, and only the images key", async () => {
    const res = await emu.call("GET", `/v2/cloudimages?owner=${DEMO.acmeAp}`, { token: alice });
    expect(Object.keys(res.body)).toEqual(["images"]);
    expect(res.body.images).toHaveLength(48);
    expect(res.body.images.every((i: { owner: string }) => i.owner === DEMO.acmeAp)).toBe(true);
    expect(await names(`/v2/cloudimages?owner=${DEMO.acmeAp}`)).toEqual([...APP_NAMES, ...ACME_NAMED].sort());
  });

  it("pages with marker and limit without duplicates or gaps", async () => {
    const all = (await list(`/v2/cloudimages?owner=${DEMO.acmeAp}`)).map((i) => i.id);
    for (const limit of [1, 7, 48]) expect(await pageThrough(`owner=${DEMO.acmeAp}`, limit)).toEqual(all);
    const sorted = (await list(`/v2/cloudimages?owner=${DEMO.acmeAp}&sort_key=name&sort_dir=asc`)).map((i) => i.id);
    expect(await pageThrough(`owner=${DEMO.acmeAp}&sort_key=name&sort_dir=asc`, 5)).toEqual(sorted);
  });

  it("sorts by created_at desc by default, asc on request, and by other keys", async () => {
    const desc = await list(`/v2/cloudimages?owner=${DEMO.acmeAp}`);
    const times = desc.map((i) => Date.parse(i.created_at as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(desc[0].name).toBe("app-40");
    const asc = await list(`/v2/cloudimages?owner=${DEMO.acmeAp}&sort_dir=asc`);
    expect(asc.map((i) => i.id)).toEqual(desc.map((i) => i.id).reverse());
    const byName = (await list(`/v2/cloudimages?owner=${DEMO.acmeAp}&sort_key=name&sort_dir=asc`)).map((i) => i.name);
    expect(byName).toEqual([...byName].sort());
    const bySize = (await list(`/v2/cloudimages?owner=${DEMO.acmeAp}&sort_key=size`)).map((i) =>
      Number(i.__image_size),
    );
    expect(bySize).toEqual([...bySize].sort((a, b) => b - a));
  });

  it("lists images shared with the caller for each member_status, as shared and owned by the sharer", async () => {
    for (const [status, expected] of Object.entries(SHARED_WITH_ACME)) {
      const images = await list(`/v2/cloudimages?visibility=shared&__imagetype=shared&member_status=${status}`);
      expect(images.map((i) => i.name).sort()).toEqual(expected);
      for (const i of images) {
        expect(i).toMatchObject({ visibility: "shared", __imagetype: "shared" });
        expect(i.owner).toBe(i.name.startsWith("initech") ? DEMO.initechAp : DEMO.globexAp);
      }
    }
    expect(await names("/v2/cloudimages?visibility=shared")).toEqual(SHARED_WITH_ACME.accepted);
  });

  it("shows own, public and accepted-shared images by default, never pending or rejected ones", async () => {
    const all = await names("/v2/cloudimages");
    expect(all).toEqual([...APP_NAMES, ...ACME_NAMED, "public-ubuntu", "globex-ci-runner"].sort());
    expect(await names("/v2/cloudimages?__imagetype=gold")).toEqual(["public-ubuntu"]);
    expect(await names("/v2/cloudimages?visibility=public")).toEqual(["public-ubuntu"]);
    expect(await names("/v2/cloudimages?__imagetype=market")).toEqual([]);
  });

  it("reports an own image as shared once it has a member, and private again without", async () => {
    const show = async (id: string) => (await emu.call("GET", `/v2/images/${id}`, { token: alice })).body;
    expect(await show(acmeImageId(2))).toMatchObject({ __imagetype: "shared", visibility: "shared" });
    expect(await show(acmeImageId(1))).toMatchObject({ __imagetype: "private", visibility: "private" });
    expect(await names("/v2/cloudimages?__imagetype=shared")).toEqual([
      "almost-full",
      "debian-12-base",
      "globex-ci-runner",
    ]);
    expect(await names("/v2/cloudimages?__imagetype=private")).not.toContain("debian-12-base");

    const added = await emu.call("POST", "/__emulator/members", {
      body: { image_id: acmeImageId(1), member_id: DEMO.globexAp },
    });
    expect(added.status).toBe(204);
    expect(await show(acmeImageId(1))).toMatchObject({ __imagetype: "shared", visibility: "shared" });
    emu.emu.world.members.get(acmeImageId(1))?.clear();
    expect(await show(acmeImageId(1))).toMatchObject({ __imagetype: "private", visibility: "private" });
  });

  it("applies the attribute filters", async () => {
    expect(await names("/v2/cloudimages?name=debian-12-base")).toEqual(["debian-12-base"]);
    expect(await names("/v2/cloudimages?name=debian")).toEqual([]);
    expect(await names(`/v2/cloudimages?id=${acmeImageId(7)}`)).toEqual(["data-disk-archive"]);
    expect(await names("/v2/cloudimages?__os_type=Windows")).toEqual(["win2019-base"]);
    expect(await names("/v2/cloudimages?__platform=Debian")).toEqual(["debian-12-base"]);
    expect(await names("/v2/cloudimages?virtual_env_type=DataImage")).toEqual(["data-disk-archive"]);
    expect(await names("/v2/cloudimages?__whole_image=true")).toEqual(["full-ecs-from-cbr", "full-ecs-legacy"]);
    expect(await names("/v2/cloudimages?protected=true")).toEqual(["public-ubuntu"]);
    expect(await names("/v2/cloudimages?architecture=arm")).toEqual([]);
    expect(await list("/v2/cloudimages?disk_format=zvhd2")).toHaveLength(50);
    expect(await names("/v2/cloudimages?status=queued")).toEqual([]);
    expect(await names(`/v2/cloudimages?visibility=private&owner=${DEMO.acmeAp}`)).not.toContain("almost-full");
  });

  it("filters created_at and updated_at with op:UTC", async () => {
    const [newest] = await list(`/v2/cloudimages?owner=${DEMO.acmeAp}&limit=1`);
    const at = newest.created_at as string;
    expect(await names(`/v2/cloudimages?owner=${DEMO.acmeAp}&created_at=gte:${at}`)).toEqual(["app-40"]);
    expect(await list(`/v2/cloudimages?owner=${DEMO.acmeAp}&created_at=lt:${at}`)).toHaveLength(47);
    expect(await names(`/v2/cloudimages?owner=${DEMO.acmeAp}&updated_at=eq:${at}`)).toEqual(["app-40"]);
    expect(await list(`/v2/cloudimages?owner=${DEMO.acmeAp}&created_at=neq:${at}`)).toHaveLength(47);
    const bad = await emu.call("GET", "/v2/cloudimages?created_at=gt:yesterday", { token: alice });
    expect(bad.status).toBe(400);
  });

  it("never lists deleted images", async () => {
    const image = emu.emu.world.images.get(acmeImageId(1));
    if (image) image.status = "deleted";
    expect(await names(`/v2/cloudimages?owner=${DEMO.acmeAp}`)).not.toContain("ubuntu-22.04-web");
    expect(await list("/v2/cloudimages?status=deleted")).toEqual([]);
    expect((await emu.call("GET", `/v2/images/${acmeImageId(1)}`, { token: alice })).status).toBe(404);
  });

  it("shows a region's own images plus public ones only", async () => {
    const cn = await emu.login("alice", "cn-north-4");
    expect(await names("/v2/cloudimages", cn)).toEqual(["public-ubuntu"]);
  });

  it("rejects invalid __imagetype, limit, marker and sort with IMS bodies", async () => {
    const bad = await emu.call("GET", "/v2/cloudimages?__imagetype=public", { token: alice });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: { code: "IMG.0024", message: "The image type in the request is incorrect." } });
    for (const q of [
      "limit=abc",
      "limit=0",
      "limit=-1",
      "marker=nope",
      `marker=${acmeImageId(999)}`,
      "sort_key=owner",
      "sort_dir=up",
      "member_status=maybe",
    ]) {
      const res = await emu.call("GET", `/v2/cloudimages?${q}`, { token: alice });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toBe("IMG.0001");
    }
  });

  it("answers 401 APIGW.0301 flat without a token, and 403 IMG.0026 without ims:images:get", async () => {
    const res = await emu.call("GET", "/v2/cloudimages");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error_msg: expect.any(String),
      error_code: "APIGW.0301",
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const user = emu.emu.world.users.get(DEMO.alice);
    if (user) user.permissions = ["ims:images:share"];
    const denied = await emu.call("GET", "/v2/cloudimages", { token: alice });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("IMG.0026");
  });

  it("lets a read-only user list", async () => {
    const audrey = await emu.login("audrey");
    expect(await list(`/v2/cloudimages?owner=${DEMO.acmeAp}`, audrey)).toHaveLength(48);
  });
});
