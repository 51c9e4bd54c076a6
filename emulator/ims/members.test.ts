import { beforeEach, describe, expect, it } from "vitest";
import { acmeImageId, DEMO } from "../seed/demo";
import { testEmulator, type TestEmulator, type TestResponse } from "../testing";
import { decodeMarker, encodeMarker } from "./member-view";
import { visibleImage } from "./rules";

const UBUNTU = acmeImageId(1);
const DEBIAN = acmeImageId(2);
const ALMOST_FULL = acmeImageId(8);
const GPU = "610be000-0000-4000-8000-000000000001";
const FULL_ECS = "610be000-0000-4000-8000-000000000004";
const VAULT_OK = "ac0e0000-0000-4000-8000-00000000ba01";
const OU_URN = `organizations::${DEMO.acme}:ou:${DEMO.org}/${DEMO.orgUnit}`;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

let t: TestEmulator;
let alice: string, bob: string, carol: string, audrey: string;

beforeEach(async () => {
  t = testEmulator();
  [alice, bob, carol, audrey] = await Promise.all([
    t.login("alice"),
    t.login("bob"),
    t.login("carol"),
    t.login("audrey"),
  ]);
});

const path = (image: string, member?: string) => `/v2/images/${image}/members${member ? `/${member}` : ""}`;
const v1 = (project: string, image: string, member?: string) =>
  `/v1/${project}/cloudimages/${image}/members${member ? `/${member}` : ""}`;
const add = (token: string, image: string, member: unknown) => t.call("POST", path(image), { token, body: { member } });
const put = (token: string, image: string, member: string, body: unknown) =>
  t.call("PUT", path(image, member), { token, body });
const list = (token: string, image: string, query = "") => t.call("GET", path(image) + query, { token });
const ids = (res: TestResponse) => res.body.members.map((m: { member_id: string }) => m.member_id);
const count = (image: string) => t.emu.world.memberCount(image);
const traces = (project: string = DEMO.acmeAp) => t.emu.world.tracesOf(project);

/** Error on a Glance path: glanceclient reads `message` from every top-level value. */
function expectError(res: TestResponse, status: number, code?: string) {
  expect(res.status).toBe(status);
  for (const value of Object.values(res.body)) expect(value).toMatchObject({ message: expect.any(String) });
  if (code) expect(res.body.error.code).toBe(code);
}

describe("POST /v2/images/{image_id}/members", () => {
  it("adds a pending project member that the owner then lists", async () => {
    const res = await add(alice, UBUNTU, DEMO.globexAp);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: "pending",
      created_at: expect.stringMatching(TIME),
      updated_at: expect.stringMatching(TIME),
      image_id: UBUNTU,
      member_id: DEMO.globexAp,
      schema: "/v2/schemas/member",
      member_type: "project",
    });
    const listed = await list(alice, UBUNTU);
    expect(listed.body).toEqual({
      members: [res.body],
      schema: "/v2/schemas/members",
      page_info: { next_marker: "", current_count: 1 },
    });
  });

  it("answers 409 for an existing member and leaves it as it was", async () => {
    expectError(await add(alice, DEBIAN, DEMO.globexAp), 409);
    expect(t.emu.world.members.get(DEBIAN)?.get(DEMO.globexAp)?.status).toBe("accepted");
  });

  it.each([
    ["public image", acmeImageId(9), DEMO.globexAp, "IMG.0089"],
    ["default-key encrypted image", acmeImageId(3), DEMO.globexAp, "IMG.0098"],
    ["full-ECS image not from CBR", acmeImageId(6), DEMO.globexAp, "IMG.0135"],
    ["Windows image on the international site", acmeImageId(4), DEMO.globexAp, "IMG.0105"],
    ["the owner itself", UBUNTU, DEMO.acmeAp, "IMG.0076"],
    ["a project of another region", UBUNTU, DEMO.globexCn, "IMG.0108"],
    ["an unknown project", UBUNTU, "0123456789abcdef0123456789abcdef", "IMG.0108"],
    ["a malformed project id", UBUNTU, "610BE0000000000000000000000000A1", "IMG.0067"],
  ])("refuses %s with 400 %s", async (_, image, member, code) => {
    expectError(await add(alice, image, member), 400, code);
    expect(count(image)).toBe(0);
  });

  it("refuses an image that is not active (IMG.0046)", async () => {
    const image = t.emu.world.images.get(UBUNTU);
    if (image) image.status = "queued";
    expectError(await add(alice, UBUNTU, DEMO.globexAp), 400, "IMG.0046");
  });

  it("fills the 256th slot and refuses the 257th (IMG.0088)", async () => {
    expect((await add(alice, ALMOST_FULL, DEMO.globexAp)).status).toBe(200);
    expectError(await add(alice, ALMOST_FULL, DEMO.initechAp), 400, "IMG.0088");
    expect(count(ALMOST_FULL)).toBe(256);
  });

  it("refuses malformed bodies without changing anything, and traces each call", async () => {
    const bodies = [{ rawBody: "{not json" }, { body: [] }, { body: {} }, { body: { member: 5 } }, { body: "x" }];
    for (const body of bodies)
      expectError(await t.call("POST", path(UBUNTU), { token: alice, ...body }), 400, "IMG.0001");
    expectError(await t.call("POST", path(UBUNTU), { token: alice, rawBody: "  " }), 400, "IMG.0007");
    expect(count(UBUNTU)).toBe(0);
    expect(traces().map((tr) => tr.code)).toEqual(Array(6).fill("400"));
    expect(traces()[0].request).toBe(JSON.stringify("{not json"));
  });

  it("answers 404 for images the caller cannot see, 403 to a member and to read-only users", async () => {
    expectError(await add(bob, UBUNTU, DEMO.initechAp), 404);
    expectError(await add(alice, "not-an-image", DEMO.globexAp), 404);
    expectError(await add(alice, "1b7f0000-0000-4000-8000-0000000000ff", DEMO.globexAp), 404);
    expectError(await add(bob, DEBIAN, DEMO.globexCn), 403, "IMG.0047");
    expectError(await add(audrey, UBUNTU, DEMO.globexAp), 403, "IMG.0026");
    expect(count(UBUNTU)).toBe(0);
  });

  it("answers 401 with a nested gateway body on the Glance path", async () => {
    const res = await t.call("POST", path(UBUNTU), { body: { member: DEMO.globexAp } });
    expectError(res, 401, "APIGW.0301");
    expect(res.body.error.request_id).toBe(res.headers.get("x-request-id"));
  });

  it("records a CTS trace for a successful and a failed add", async () => {
    const ok = await add(alice, UBUNTU, DEMO.globexAp);
    const failed = await add(alice, acmeImageId(3), DEMO.globexAp);
    const [first, second] = traces();
    expect(traces()).toHaveLength(2);
    expect(first).toMatchObject({
      trace_name: "addMember",
      trace_rating: "normal",
      service_type: "IMS",
      resource_type: "image",
      resource_id: UBUNTU,
      resource_name: "ubuntu-22.04-web",
      api_version: "v2",
      code: "200",
      request_id: ok.headers.get("x-request-id"),
      source_ip: "127.0.0.1",
      user: { name: "alice", domain: { name: "acme" } },
    });
    expect(JSON.parse(first.request)).toEqual({ member: DEMO.globexAp });
    expect(JSON.parse(first.response)).toEqual(ok.body);
    expect(second).toMatchObject({ code: "400", trace_rating: "warning", resource_name: "centos-7-encrypted" });
    expect(second.request_id).toBe(failed.headers.get("x-request-id"));
    expect(JSON.parse(second.response)).toEqual(failed.body);
  });
});

describe("GET members (native and v1)", () => {
  it("answers 404 to a project that is neither owner nor member", async () => {
    expectError(await list(bob, UBUNTU), 404);
    expectError(await t.call("GET", path(UBUNTU, DEMO.acmeAp), { token: bob }), 404);
    const res = await t.call("GET", v1(DEMO.globexAp, UBUNTU), { token: bob });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("IMG.0027");
  });

  it("shows the owner every member, and a consumer only its own entry", async () => {
    expect(ids(await list(alice, DEBIAN))).toEqual([DEMO.globexAp, DEMO.initechAp]);
    const own = await list(carol, DEBIAN);
    expect(own.body.members).toMatchObject([{ member_id: DEMO.initechAp, status: "pending" }]);
    expect(own.body.page_info).toEqual({ next_marker: "", current_count: 1 });
    expect((await t.call("GET", path(DEBIAN, DEMO.initechAp), { token: carol })).body.status).toBe("pending");
    expectError(await t.call("GET", path(DEBIAN, DEMO.globexAp), { token: carol }), 404);
    expect((await t.call("GET", path(DEBIAN, DEMO.globexAp), { token: alice })).body.status).toBe("accepted");
    expectError(await t.call("GET", path(DEBIAN, DEMO.acmeCn), { token: alice }), 404);
  });

  it("pages 255 members by 100 with base64 markers", async () => {
    const all = ids(await list(alice, ALMOST_FULL));
    const seen: string[] = [];
    const sizes: number[] = [];
    let marker = "";
    do {
      const res = await list(alice, ALMOST_FULL, `?limit=100${marker ? `&marker=${encodeURIComponent(marker)}` : ""}`);
      expect(res.status).toBe(200);
      sizes.push(res.body.page_info.current_count);
      seen.push(...ids(res));
      marker = res.body.page_info.next_marker;
      if (marker) expect(decodeMarker(marker)).toBe(seen[seen.length - 1]);
    } while (marker);
    expect(sizes).toEqual([100, 100, 55]);
    expect(new Set(seen).size).toBe(255);
    expect(seen).toEqual(all);
  });

  it("refuses a bad limit or marker with IMG.0001", async () => {
    for (const q of [
      "?limit=0",
      "?limit=1001",
      "?limit=ten",
      "?marker=not%20base64!",
      `?marker=${encodeMarker("nobody")}`,
    ]) {
      expectError(await list(alice, DEBIAN, q), 400, "IMG.0001");
    }
    expect(ids(await list(alice, DEBIAN, `?limit=1000&marker=${encodeMarker(DEMO.globexAp)}`))).toEqual([
      DEMO.initechAp,
    ]);
  });

  it("serves the v1 list and show for the token's own project only", async () => {
    const res = await t.call("GET", v1(DEMO.acmeAp, DEBIAN, ""), { token: alice });
    expect(res.body).toMatchObject({ schema: "/v2/schemas/members", page_info: { current_count: 2, next_marker: "" } });
    const one = await t.call("GET", v1(DEMO.acmeAp, DEBIAN, DEMO.initechAp), { token: alice });
    expect(one.body).toMatchObject({ member_id: DEMO.initechAp, member_type: "project", status: "pending" });
    const other = await t.call("GET", v1(DEMO.globexAp, DEBIAN), { token: alice });
    expect(other.status).toBe(400);
    expect(other.body).toEqual({ error: { code: "IMG.0030", message: expect.any(String) } });
    expect((await t.call("GET", v1(DEMO.acmeAp, "bad-id"), { token: alice })).body.error.code).toBe("IMG.0066");
    const missing = await t.call("GET", v1(DEMO.acmeAp, DEBIAN, DEMO.acmeCn), { token: alice });
    expect([missing.status, missing.body.error.code]).toEqual([404, "IMG.0114"]);
  });

  it("reads the world at request time, after a reset", async () => {
    await add(alice, UBUNTU, DEMO.globexAp);
    t.reset();
    expect(ids(await list(await t.login("alice"), UBUNTU))).toEqual([]);
  });
});

describe("PUT /v2/images/{image_id}/members/{member_id}", () => {
  it("lets the consumer accept then reject, ignoring an extra member key, and traces it", async () => {
    const accepted = await put(alice, GPU, DEMO.acmeAp, { status: "accepted", member: DEMO.acmeAp });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ image_id: GPU, member_id: DEMO.acmeAp, status: "accepted" });
    expect((await put(alice, GPU, DEMO.acmeAp, { status: "rejected" })).body.status).toBe("rejected");
    expect((await t.call("GET", path(GPU, DEMO.acmeAp), { token: bob })).body.status).toBe("rejected");
    expect(traces().map((tr) => [tr.trace_name, tr.code])).toEqual([
      ["updateMember", "200"],
      ["updateMember", "200"],
    ]);
  });

  it("answers 403 to the owner and 404 to others", async () => {
    const owner = await put(bob, GPU, DEMO.acmeAp, { status: "accepted" });
    expectError(owner, 403);
    expect(owner.body.error.message).toMatch(/forbidden/i);
    expectError(await put(carol, DEBIAN, DEMO.globexAp, { status: "accepted" }), 404);
    expectError(await put(carol, UBUNTU, DEMO.initechAp, { status: "accepted" }), 404);
    expectError(await put(audrey, GPU, DEMO.acmeAp, { status: "accepted" }), 403, "IMG.0026");
    expect(t.emu.world.members.get(GPU)?.get(DEMO.acmeAp)?.status).toBe("pending");
  });

  it("validates the status and vault_id", async () => {
    for (const body of [{ status: "pending" }, { status: "ACCEPTED" }, {}, { status: "accepted", vault_id: 5 }]) {
      expectError(await put(alice, GPU, DEMO.acmeAp, body), 400, "IMG.0001");
    }
    expectError(await t.call("PUT", path(GPU, DEMO.acmeAp), { token: alice }), 400, "IMG.0007");
  });

  it("applies the vault rules when accepting a full-ECS image from CBR", async () => {
    expectError(await put(alice, FULL_ECS, DEMO.acmeAp, { status: "accepted" }), 400, "IMG.0184");
    const codes = [
      ["ba02", "IMG.0193"],
      ["ba03", "IMG.0188"],
    ];
    for (const [v, code] of codes) {
      expectError(
        await put(alice, FULL_ECS, DEMO.acmeAp, {
          status: "accepted",
          vault_id: `ac0e0000-0000-4000-8000-00000000${v}`,
        }),
        400,
        code,
      );
    }
    const vault = t.emu.world.vaults.get(VAULT_OK);
    if (vault) vault.usedMb = vault.sizeGb * 1024 - 1;
    expectError(await put(alice, FULL_ECS, DEMO.acmeAp, { status: "accepted", vault_id: VAULT_OK }), 400, "IMG.0182");
    if (vault) vault.usedMb = 0;
    const ok = await put(alice, FULL_ECS, DEMO.acmeAp, { status: "accepted", vault_id: VAULT_OK });
    expect([ok.status, ok.body.status]).toEqual([200, "accepted"]);
  });
});

describe("DELETE /v2/images/{image_id}/members/{member_id}", () => {
  it("removes a member for the owner with 204, then answers 404", async () => {
    const res = await t.call("DELETE", path(DEBIAN, DEMO.initechAp), { token: alice });
    expect([res.status, res.body]).toEqual([204, undefined]);
    expectError(await t.call("DELETE", path(DEBIAN, DEMO.initechAp), { token: alice }), 404);
    expect(ids(await list(alice, DEBIAN))).toEqual([DEMO.globexAp]);
    expect(traces().map((tr) => [tr.trace_name, tr.code])).toEqual([
      ["deleteMember", "204"],
      ["deleteMember", "404"],
    ]);
    expect(traces().map((tr) => JSON.parse(tr.request))).toEqual([
      { member_id: DEMO.initechAp },
      { member_id: DEMO.initechAp },
    ]);
  });

  it("answers 403 to a member or a read-only user and 404 on an invisible image", async () => {
    expectError(await t.call("DELETE", path(DEBIAN, DEMO.globexAp), { token: bob }), 403, "IMG.0047");
    expectError(await t.call("DELETE", path(DEBIAN, DEMO.globexAp), { token: audrey }), 403, "IMG.0026");
    expectError(await t.call("DELETE", path(UBUNTU, DEMO.globexAp), { token: bob }), 404);
    expect(count(DEBIAN)).toBe(2);
  });
});

describe("organization members", () => {
  const bobProject = () => {
    const project = t.emu.world.projects.get(DEMO.globexAp);
    if (!project) throw new Error("globex ap-southeast-1 is not seeded");
    return project;
  };

  beforeEach(() => {
    const at = t.emu.clock.now();
    t.emu.world.membersOf(UBUNTU).set(DEMO.orgUnit, {
      imageId: UBUNTU,
      memberId: DEMO.orgUnit,
      memberType: "organization",
      urn: OU_URN,
      status: "pending",
      createdAt: at,
      updatedAt: at,
    });
  });

  it("lets an account of the unit see the image's organization entry, and only it", async () => {
    expect(visibleImage(t.emu, UBUNTU, { project: bobProject() })?.name).toBe("ubuntu-22.04-web");
    const res = await list(bob, UBUNTU);
    expect(res.body.members).toEqual([
      {
        status: "pending",
        created_at: expect.stringMatching(TIME),
        updated_at: expect.stringMatching(TIME),
        image_id: UBUNTU,
        member_id: DEMO.orgUnit,
        schema: "/v2/schemas/member",
        member_type: "organization",
        urn: OU_URN,
      },
    ]);
    expect((await t.call("GET", path(UBUNTU, DEMO.orgUnit), { token: bob })).body.urn).toBe(OU_URN);
    expect((await t.call("GET", v1(DEMO.globexAp, UBUNTU, DEMO.globexAp), { token: bob })).body.member_id).toBe(
      DEMO.orgUnit,
    );
    expectError(await list(await t.login("bob", "cn-north-4"), UBUNTU), 404);
  });

  it("lets an account of a unit nested in the unit see the entry too, and no account outside it", async () => {
    const umbrella = t.emu.world.projects.get(DEMO.umbrellaAp)!;
    expect(visibleImage(t.emu, UBUNTU, { project: umbrella })).toBeUndefined();
    t.emu.world.organizations
      .get(DEMO.org)!
      .units.push({ id: "ou-resellers1", parentId: DEMO.orgUnit, domainIds: [DEMO.umbrella] });
    expect(visibleImage(t.emu, UBUNTU, { project: umbrella })?.name).toBe("ubuntu-22.04-web");
  });

  it("lets the account accept through the entry, named by its own project id", async () => {
    const res = await put(bob, UBUNTU, DEMO.globexAp, { status: "accepted" });
    expect(res.body).toMatchObject({ member_id: DEMO.orgUnit, status: "accepted" });
    expect(traces(DEMO.globexAp)).toHaveLength(1);
  });
});
