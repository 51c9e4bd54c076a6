import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConfigPatch } from "../core/config";
import { IMS_MESSAGES } from "../core/errors";
import { acmeImageId, DEMO } from "../seed/demo";
import { testEmulator, type CallOptions, type TestEmulator } from "../testing";

const UBUNTU = acmeImageId(1);
const DEBIAN = acmeImageId(2);
const CENTOS_ENCRYPTED = acmeImageId(3);
const ALMOST_FULL = acmeImageId(8);
const APP_01 = acmeImageId(101);
const GPU = "610be000-0000-4000-8000-000000000001";
const OLD_BASE = "610be000-0000-4000-8000-000000000003";
const GLOBEX_FULLECS = "610be000-0000-4000-8000-000000000004";
const NEW_RELEASE = "610be000-0000-4000-8000-000000000005";
const PATH = "/v1/cloudimages/members";

let t: TestEmulator;
let alice: string;

async function start(config: ConfigPatch = {}): Promise<void> {
  t?.close();
  t = testEmulator(config);
  alice = await t.login("alice");
}

beforeEach(() => start());
afterEach(() => t.close());

const member = (imageId: string, memberId: string) => t.emu.world.members.get(imageId)?.get(memberId);

/** Submits a batch call as alice and reads the finished job through ShowJob. */
async function run(method: string, body: unknown, token = alice, project: string = DEMO.acmeAp) {
  const res = await t.call(method, PATH, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.job_id).toMatch(/^[0-9a-f]{32}$/);
  return (await t.call("GET", `/v1/${project}/jobs/${res.body.job_id}`, { token })).body;
}

describe("batch add", () => {
  it("shares 2 images with 2 projects: SUCCESS and 4 pending members", async () => {
    const job = await run("POST", { images: [UBUNTU, APP_01], projects: [DEMO.globexAp, DEMO.initechAp] });
    expect(job).toMatchObject({
      job_type: "imsAddImageMembersJob",
      status: "SUCCESS",
      error_code: null,
      fail_reason: null,
    });
    expect(job.entities.results).toEqual([
      { image_id: UBUNTU, status: "success" },
      { image_id: APP_01, status: "success" },
    ]);
    for (const image of [UBUNTU, APP_01]) {
      for (const project of [DEMO.globexAp, DEMO.initechAp]) {
        expect(member(image, project)).toMatchObject({ status: "pending", memberType: "project" });
      }
    }
  });

  it("applies the valid pairs of a partly failing batch and reports per image", async () => {
    const job = await run("POST", { images: [UBUNTU, CENTOS_ENCRYPTED], projects: [DEMO.globexAp] });
    expect(job).toMatchObject({ status: "FAIL", error_code: "IMG.0098", fail_reason: IMS_MESSAGES["IMG.0098"] });
    expect(job.end_time).not.toBeNull();
    expect(job.entities.results).toEqual([
      { image_id: UBUNTU, project_id: DEMO.globexAp, status: "success" },
      { image_id: CENTOS_ENCRYPTED, project_id: DEMO.globexAp, status: "failed" },
    ]);
    expect(member(UBUNTU, DEMO.globexAp)?.status).toBe("pending");
    expect(t.emu.world.memberCount(CENTOS_ENCRYPTED)).toBe(0);
  });

  it("fills the last slot of almost-full and refuses the next with IMG.0088", async () => {
    const job = await run("POST", { images: [ALMOST_FULL], projects: [DEMO.globexAp, DEMO.initechAp] });
    expect(job).toMatchObject({ status: "FAIL", error_code: "IMG.0088" });
    expect(t.emu.world.memberCount(ALMOST_FULL)).toBe(256);
    expect(member(ALMOST_FULL, DEMO.globexAp)).toBeDefined();
    expect(member(ALMOST_FULL, DEMO.initechAp)).toBeUndefined();
  });

  it("writes domain and organization members, with the URN", async () => {
    const ou = `organizations::${DEMO.acme}:ou:${DEMO.org}/${DEMO.orgUnit}`;
    const root = `organizations::${DEMO.acme}:organization:${DEMO.org}`;
    const job = await run("POST", {
      images: [UBUNTU],
      projects: null,
      domains: [DEMO.globex],
      organizations: [ou, root],
    });
    expect(job.status).toBe("SUCCESS");
    expect(member(UBUNTU, DEMO.globex)).toMatchObject({ memberType: "domain", status: "pending" });
    expect(member(UBUNTU, DEMO.orgUnit)).toMatchObject({ memberType: "organization", urn: ou });
    expect(member(UBUNTU, DEMO.org)).toMatchObject({ memberType: "organization", urn: root });
  });

  it("fails a well-formed but unknown organization in the job with IMG.0108", async () => {
    const urn = `organizations::${DEMO.acme}:ou:${DEMO.org}/ou-nowhere`;
    const job = await run("POST", { images: [UBUNTU], organizations: [urn] });
    expect(job).toMatchObject({ status: "FAIL", error_code: "IMG.0108" });
    expect(t.emu.world.memberCount(UBUNTU)).toBe(0);
  });
});

describe("batch accept/reject", () => {
  const put = (images: string[], extra: Record<string, unknown> = {}) =>
    run("PUT", { images, project_id: DEMO.acmeAp, status: "accepted", ...extra });

  it("accepts a pending image and re-accepts a rejected one", async () => {
    const job = await put([GPU, OLD_BASE]);
    expect(job).toMatchObject({ job_type: "imsUpdateImageMembersJob", status: "SUCCESS" });
    expect(job.entities.results).toEqual([
      { image_id: GPU, project_id: DEMO.acmeAp, status: "success" },
      { image_id: OLD_BASE, project_id: DEMO.acmeAp, status: "success" },
    ]);
    expect(member(GPU, DEMO.acmeAp)?.status).toBe("accepted");
    expect(member(OLD_BASE, DEMO.acmeAp)?.status).toBe("accepted");
  });

  it("rejects", async () => {
    expect((await put([GPU], { status: "rejected" })).status).toBe("SUCCESS");
    expect(member(GPU, DEMO.acmeAp)?.status).toBe("rejected");
  });

  it("needs a usable server-backup vault to accept a CBR full-ECS image", async () => {
    expect(await put([GLOBEX_FULLECS])).toMatchObject({ status: "FAIL", error_code: "IMG.0184" });
    expect(await put([GLOBEX_FULLECS], { vault_id: "ac0e0000-0000-4000-8000-00000000ba02" })).toMatchObject({
      error_code: "IMG.0193",
    });
    expect(await put([GLOBEX_FULLECS], { vault_id: "ac0e0000-0000-4000-8000-00000000ba03" })).toMatchObject({
      error_code: "IMG.0188",
    });
    expect(member(GLOBEX_FULLECS, DEMO.acmeAp)?.status).toBe("pending");
    expect(await put([GLOBEX_FULLECS], { vault_id: "ac0e0000-0000-4000-8000-00000000ba01" })).toMatchObject({
      status: "SUCCESS",
    });
    expect(member(GLOBEX_FULLECS, DEMO.acmeAp)?.status).toBe("accepted");
  });

  it("fails for an image the caller is no member of with IMG.0114", async () => {
    expect(await put([NEW_RELEASE])).toMatchObject({
      status: "FAIL",
      error_code: "IMG.0114",
      fail_reason: IMS_MESSAGES["IMG.0114"],
    });
  });
});

describe("batch delete", () => {
  it("removes a member; an absent member is a no-op SUCCESS; results are []", async () => {
    const job = await run("DELETE", { images: [DEBIAN, UBUNTU], projects: [DEMO.globexAp] });
    expect(job).toMatchObject({ job_type: "imsDelImageMembersJob", status: "SUCCESS", entities: { results: [] } });
    expect(member(DEBIAN, DEMO.globexAp)).toBeUndefined();
    expect(member(DEBIAN, DEMO.initechAp)?.status).toBe("pending");
    expect(t.emu.world.memberCount(UBUNTU)).toBe(0);
  });
});

describe("synchronous validation", () => {
  const add = (body: unknown): CallOptions => ({ body });
  const cases: [string, string, CallOptions, string][] = [
    ["empty body", "POST", {}, "IMG.0007"],
    ["empty DELETE body", "DELETE", {}, "IMG.0007"],
    ["empty PUT body", "PUT", {}, "IMG.0007"],
    ["not JSON", "POST", { rawBody: "{images:", headers: { "Content-Type": "application/json" } }, "IMG.0001"],
    ["a JSON array", "POST", add([UBUNTU]), "IMG.0001"],
    ["images missing", "POST", add({ projects: [DEMO.globexAp] }), "IMG.0001"],
    ["images empty", "POST", add({ images: [], projects: [DEMO.globexAp] }), "IMG.0001"],
    ["images not a list", "POST", add({ images: UBUNTU, projects: [DEMO.globexAp] }), "IMG.0001"],
    ["projects not a list", "DELETE", add({ images: [UBUNTU], projects: DEMO.globexAp }), "IMG.0001"],
    ["malformed image id", "POST", add({ images: [`${UBUNTU};${DEBIAN}`], projects: [DEMO.globexAp] }), "IMG.0066"],
    ["image id before project id", "POST", add({ images: ["x"], projects: ["y"] }), "IMG.0066"],
    ["malformed project id", "POST", add({ images: [UBUNTU], projects: [DEMO.globexAp.toUpperCase()] }), "IMG.0067"],
    ["malformed domain id", "DELETE", add({ images: [UBUNTU], domains: ["globex"] }), "IMG.0067"],
    ["no targets", "POST", add({ images: [UBUNTU] }), "IMG.0041"],
    [
      "all target lists empty",
      "POST",
      add({ images: [UBUNTU], projects: [], domains: null, organizations: [] }),
      "IMG.0041",
    ],
    ["unparseable URN", "POST", add({ images: [UBUNTU], organizations: ["o-acme0001"] }), "IMG.0001"],
    ["PUT status pending", "PUT", add({ images: [GPU], project_id: DEMO.acmeAp, status: "pending" }), "IMG.0001"],
    ["PUT status missing", "PUT", add({ images: [GPU], project_id: DEMO.acmeAp }), "IMG.0001"],
    ["PUT malformed image", "PUT", add({ images: ["gpu"], project_id: DEMO.acmeAp, status: "accepted" }), "IMG.0066"],
    ["PUT malformed project", "PUT", add({ images: [GPU], project_id: "acme", status: "accepted" }), "IMG.0067"],
    ["PUT another project", "PUT", add({ images: [GPU], project_id: DEMO.globexAp, status: "accepted" }), "IMG.0030"],
  ];

  it.each(cases)("%s → 400 %s, nothing changed", async (name, method, options, code) => {
    const members = t.emu.world.toData().members;
    const res = await t.call(method, PATH, { token: alice, ...options });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(["error"]);
    expect(res.body.error.code).toBe(code);
    const message = name === "unparseable URN" ? "The organization URN is invalid: o-acme0001" : IMS_MESSAGES[code];
    expect(res.body.error.message).toBe(message);
    expect(t.emu.world.jobs.size).toBe(0);
    expect(t.emu.world.toData().members).toEqual(members);
  });

  it("refuses a read-only user with 403 IMG.0026 before reading the body", async () => {
    const audrey = await t.login("audrey");
    for (const options of [{}, { body: { images: [UBUNTU], projects: [DEMO.globexAp] } }]) {
      const res = await t.call("POST", PATH, { token: audrey, ...options });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { code: "IMG.0026", message: IMS_MESSAGES["IMG.0026"] } });
    }
    expect(t.emu.world.memberCount(UBUNTU)).toBe(0);
  });

  it("refuses more pairs than maxBatchPairs with a clear message", async () => {
    await start({ maxBatchPairs: 3 });
    const res = await t.call("POST", PATH, {
      token: alice,
      body: { images: [UBUNTU, APP_01], projects: [DEMO.globexAp, DEMO.initechAp] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("IMG.0001");
    expect(res.body.error.message).toMatch(/4 image x target pairs; at most 3/);
    expect(t.emu.world.jobs.size).toBe(0);
  });

  it("answers the configured project mismatch", async () => {
    await start({ projectMismatch: { status: 403, code: "IMG.0161" } });
    const res = await t.call("PUT", PATH, {
      token: alice,
      body: { images: [GPU], project_id: DEMO.globexAp, status: "accepted" },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("IMG.0161");
  });

  it("needs a token", async () => {
    const res = await t.call("POST", PATH, { body: { images: [UBUNTU], projects: [DEMO.globexAp] } });
    expect(res.status).toBe(401);
    expect(res.body.error_code).toBe("APIGW.0301");
  });
});

describe("strict mode", () => {
  beforeEach(() => start({ strict: true }));

  it("answers 400 with the first failing rule and applies nothing", async () => {
    const res = await t.call("POST", PATH, {
      token: alice,
      body: { images: [UBUNTU, CENTOS_ENCRYPTED], projects: [DEMO.globexAp] },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: "IMG.0098", message: IMS_MESSAGES["IMG.0098"] } });
    expect(t.emu.world.memberCount(UBUNTU)).toBe(0);
    expect(t.emu.world.jobs.size).toBe(0);
  });

  it("counts earlier pairs of the batch toward the member limit", async () => {
    const res = await t.call("POST", PATH, {
      token: alice,
      body: { images: [ALMOST_FULL], projects: [DEMO.globexAp, DEMO.initechAp] },
    });
    expect(res.body.error?.code).toBe("IMG.0088");
    expect(t.emu.world.memberCount(ALMOST_FULL)).toBe(255);
    expect((await run("POST", { images: [ALMOST_FULL], projects: [DEMO.globexAp] })).status).toBe("SUCCESS");
  });

  it("checks accept/reject and delete rules too", async () => {
    const accept = { images: [GLOBEX_FULLECS], project_id: DEMO.acmeAp, status: "accepted" };
    expect((await t.call("PUT", PATH, { token: alice, body: accept })).body.error?.code).toBe("IMG.0184");
    const remove = { images: [GPU], projects: [DEMO.globexAp] };
    expect((await t.call("DELETE", PATH, { token: alice, body: remove })).body.error?.code).toBe("IMG.0047");
    expect(member(GPU, DEMO.acmeAp)?.status).toBe("pending");
  });
});

describe("CTS traces", () => {
  const traces = (project: string = DEMO.acmeAp) => t.emu.world.tracesOf(project);

  it("records one trace per image of a batch call", async () => {
    const body = { images: [UBUNTU, APP_01], projects: [DEMO.globexAp] };
    const res = await t.call("POST", PATH, {
      token: alice,
      body,
      headers: { "X-Forwarded-For": "203.0.113.24, 10.0.0.1" },
    });
    expect(traces().map((x) => [x.resource_id, x.resource_name])).toEqual([
      [UBUNTU, "ubuntu-22.04-web"],
      [APP_01, "app-01"],
    ]);
    for (const trace of traces()) {
      expect(trace).toMatchObject({
        trace_name: "addMember",
        service_type: "IMS",
        resource_type: "image",
        api_version: "v1",
        code: "200",
        trace_rating: "normal",
        source_ip: "203.0.113.24",
        request_id: res.headers.get("x-request-id"),
        user: { name: "alice" },
      });
      expect(JSON.parse(trace.request)).toEqual(body);
      expect(JSON.parse(trace.response)).toEqual(res.body);
    }
  });

  it("records refused calls with their status and error body", async () => {
    await t.call("DELETE", PATH, { token: alice, body: { images: [UBUNTU, "bad"], projects: [DEMO.globexAp] } });
    expect(traces()).toHaveLength(2);
    expect(traces()[1]).toMatchObject({
      trace_name: "deleteMember",
      resource_id: "bad",
      resource_name: "",
      code: "400",
      trace_rating: "warning",
    });
    expect(JSON.parse(traces()[0].response)).toEqual({
      error: { code: "IMG.0066", message: IMS_MESSAGES["IMG.0066"] },
    });
    const audrey = await t.login("audrey");
    await t.call("POST", PATH, { token: audrey, body: { images: [UBUNTU], projects: [DEMO.globexAp] } });
    expect(traces()[2]).toMatchObject({ code: "403", resource_id: UBUNTU, user: { name: "audrey" } });
    await t.call("POST", PATH, { token: alice, rawBody: "nope" });
    expect(traces()[3]).toMatchObject({ code: "400", resource_id: "", request: "null" });
  });

  it("records an accept in the consumer's project", async () => {
    await run("PUT", { images: [GPU], project_id: DEMO.acmeAp, status: "accepted" });
    expect(traces()).toEqual([
      expect.objectContaining({ trace_name: "updateMember", resource_id: GPU, resource_name: "globex-analytics-gpu" }),
    ]);
    expect(traces(DEMO.globexAp)).toEqual([]);
  });
});
