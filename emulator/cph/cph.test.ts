import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isoSeconds } from "../core/time";
import { DEMO } from "../seed/demo";
import { testEmulator, type TestEmulator } from "../testing";
import { AT_LIMIT, BASE, expectCphError, GAME, GLOBEX_IMAGE } from "./test-helpers";

const imagesPath = (project: string) => `/v1/${project}/cloud-phone/images`;
const membersPath = (image: string, project: string = DEMO.acmeAp) => `${imagesPath(project)}/${image}/members`;

describe("CPH images", () => {
  let emulator: TestEmulator;
  let alice: string;
  let bob: string;
  beforeEach(async () => {
    emulator = testEmulator();
    alice = await emulator.login("alice");
    bob = await emulator.login("bob");
  });
  afterEach(() => emulator.close());

  const list = (token: string, query = "", project: string = DEMO.acmeAp) =>
    emulator.call("GET", `${imagesPath(project)}${query}`, { token });
  const ids = (res: { body: any }) => res.body.image_infos.map((i: any) => i.image_id).sort();

  it("lists owned images as private and shared ones as share, pending included", async () => {
    const res = await list(alice);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    expect(res.body.request_id).toBe(res.headers.get("x-request-id"));
    const game = emulator.emu.world.cphImages.get(GAME)!;
    expect(res.body.image_infos.find((i: any) => i.image_id === GAME)).toEqual({
      image_id: GAME,
      image_name: "cph-android11-game",
      image_type: "private",
      status: 1,
      image_version: "Android 11",
      image_size: 8_589_934_592,
      domain_id: DEMO.acme,
      project_id: DEMO.acmeAp,
      create_time: isoSeconds(game.createdAt),
      update_time: isoSeconds(game.updatedAt),
    });
    const shared = res.body.image_infos.find((i: any) => i.image_id === GLOBEX_IMAGE);
    expect(shared).toMatchObject({
      image_name: "globex-cph-android12",
      image_type: "share",
      domain_id: DEMO.globex,
      src_project_id: DEMO.globexAp,
    });
    expect(shared).not.toHaveProperty("project_id");
    expect(shared.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    expect(ids(await list(alice, "?image_type=private"))).toEqual([GAME, BASE, AT_LIMIT]);
    expect(ids(await list(alice, "?image_type=share"))).toEqual([GLOBEX_IMAGE]);
    expect(ids(await list(bob, "", DEMO.globexAp))).toEqual([GLOBEX_IMAGE, GAME].sort());
  });

  it("filters by status, id, name, owner and creation time", async () => {
    emulator.emu.world.cphImages.get(BASE)!.status = 0;
    expect(ids(await list(alice, "?status=0"))).toEqual([BASE]);
    expect((await list(alice, "?status=1")).body.total).toBe(3);
    expect(ids(await list(alice, `?image_id=${AT_LIMIT}`))).toEqual([AT_LIMIT]);
    expect(ids(await list(alice, "?image_name=cph-android11-game"))).toEqual([GAME]);
    expect(ids(await list(alice, `?src_project_id=${DEMO.globexAp}`))).toEqual([GLOBEX_IMAGE]);
    const { createdAt } = emulator.emu.world.cphImages.get(BASE)!;
    expect(ids(await list(alice, `?create_since=${createdAt}&create_until=${createdAt}`))).toEqual([BASE]);
    expect(ids(await list(alice, `?create_since=${createdAt + 1}`))).toEqual([AT_LIMIT, GLOBEX_IMAGE].sort());
  });

  it("pages with offset and limit and rejects bad paging with CPS.0002", async () => {
    const first = await list(alice, "?limit=3");
    const second = await list(alice, "?limit=3&offset=3");
    expect(first.body.image_infos).toHaveLength(3);
    expect(second.body.image_infos).toHaveLength(1);
    expect(second.body.total).toBe(4);
    expect([...ids(first), ...ids(second)].sort()).toEqual(ids(await list(alice)));
    for (const bad of ["?limit=0", "?limit=101", "?offset=-1", "?limit=abc"])
      expectCphError(await list(alice, bad), 400, "CPS.0002");
    expectCphError(await list(alice, "?status=3"), 400, "CPS.0010");
    expectCphError(await list(alice, "?image_type=public"), 400, "CPS.0001");
  });

  it("checks the token, the path project and the permission", async () => {
    const anonymous = await emulator.call("GET", imagesPath(DEMO.acmeAp));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error_code: "APIGW.0301" });
    expectCphError(await list(alice, "", DEMO.globexAp), 403, "CPS.0001");
    const audrey = await emulator.login("audrey");
    expect((await list(audrey)).body.total).toBe(4);
    expectCphError(
      await emulator.call("DELETE", `${imagesPath(DEMO.acmeAp)}/${BASE}`, { token: audrey }),
      403,
      "CPS.0001",
    );
    expect(emulator.emu.world.cphImages.has(BASE)).toBe(true);
  });

  it("deletes the caller's own image with its members", async () => {
    expectCphError(
      await emulator.call("DELETE", `${imagesPath(DEMO.globexAp)}/${GAME}`, { token: bob }),
      400,
      "CPS.0030",
    );
    const unknown = `${imagesPath(DEMO.acmeAp)}/ac0e0000000000000000000000c9afff`;
    expectCphError(await emulator.call("DELETE", unknown, { token: alice }), 400, "CPS.0030");
    const res = await emulator.call("DELETE", `${imagesPath(DEMO.acmeAp)}/${GAME}`, { token: alice });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ request_id: res.headers.get("x-request-id") });
    expect(ids(await list(alice, "?image_type=private"))).toEqual([BASE, AT_LIMIT]);
    expect(ids(await list(bob, "?image_type=share", DEMO.globexAp))).toEqual([]);
    expect(emulator.emu.world.cphMembers.has(GAME)).toBe(false);
    expectCphError(await emulator.call("GET", membersPath(GAME), { token: alice }), 400, "CPS.0030");
  });
});

describe("CTS traces of CPH calls", () => {
  let emulator: TestEmulator;
  let alice: string;
  beforeEach(async () => {
    emulator = testEmulator();
    alice = await emulator.login("alice");
  });
  afterEach(() => emulator.close());

  const cphTraces = async (token: string, project: string = DEMO.acmeAp) => {
    const res = await emulator.call("GET", `/v3/${project}/traces?trace_type=system&service_type=CPH&limit=200`, {
      token,
    });
    expect(res.status).toBe(200);
    return res.body.traces as any[];
  };

  it("records successful and failed shares, newest first, with JSON request and response", async () => {
    const before = emulator.emu.clock.now();
    const ok = await emulator.call("POST", membersPath(BASE), { token: alice, body: { member: DEMO.globexAp } });
    const failed = await emulator.call("POST", membersPath(BASE), { token: alice, body: { member: DEMO.globexCn } });
    const after = emulator.emu.clock.now();
    const [latest, first, ...rest] = await cphTraces(alice);
    expect(rest).toEqual([]);

    expect(latest).toMatchObject({
      trace_name: "addMember",
      trace_rating: "warning",
      trace_type: "ApiCall",
      service_type: "CPH",
      resource_type: "image",
      resource_id: BASE,
      resource_name: "cph-android12-base",
      api_version: "v1",
      code: "400",
      request_id: failed.body.request_id,
      user: { name: "alice", id: DEMO.alice, domain: { id: DEMO.acme, name: "acme" } },
    });
    expect(JSON.parse(latest.request)).toEqual({ member: DEMO.globexCn });
    expect(JSON.parse(latest.response)).toEqual(failed.body);
    expect(latest).not.toHaveProperty("projectId");

    expect(first).toMatchObject({ code: "200", trace_rating: "normal", request_id: ok.body.request_id });
    expect(JSON.parse(first.response)).toEqual({ request_id: ok.body.request_id });
    for (const t of [latest, first]) {
      expect(String(t.time)).toMatch(/^\d{13}$/);
      expect(t.time).toBeGreaterThanOrEqual(before);
      expect(t.time).toBeLessThanOrEqual(after);
    }
  });

  it("records accept, cancel, image deletion and refused calls in the caller's project", async () => {
    const bob = await emulator.login("bob");
    const audrey = await emulator.login("audrey");
    await emulator.call("PUT", membersPath(GLOBEX_IMAGE), { token: alice, body: { status: "accepted" } });
    await emulator.call("DELETE", `${membersPath(GAME)}/${DEMO.globexAp}`, { token: alice });
    await emulator.call("DELETE", `${imagesPath(DEMO.acmeAp)}/${AT_LIMIT}`, { token: alice });
    await emulator.call("POST", membersPath(BASE), { token: audrey, body: { member: DEMO.globexAp } });
    await emulator.call("POST", membersPath(BASE, DEMO.globexAp), { token: alice, body: { member: DEMO.initechAp } });
    await emulator.call("POST", membersPath(BASE), { body: { member: DEMO.globexAp } });

    const traces = (await cphTraces(alice)).reverse();
    expect(traces.map((t) => [t.trace_name, t.code, t.user.name, t.resource_id])).toEqual([
      ["updateMember", "200", "alice", GLOBEX_IMAGE],
      ["deleteMember", "200", "alice", GAME],
      ["deleteImage", "200", "alice", AT_LIMIT],
      ["addMember", "403", "audrey", BASE],
      ["addMember", "403", "alice", BASE],
    ]);
    expect(traces[0].resource_name).toBe("globex-cph-android12");
    expect(JSON.parse(traces[1].request)).toEqual({ member_id: DEMO.globexAp });
    expect(await cphTraces(bob, DEMO.globexAp)).toEqual([]);
  });
});
