import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConfigPatch } from "../core/config";
import { IMS_MESSAGES } from "../core/errors";
import { acmeImageId, DEMO } from "../seed/demo";
import { testEmulator, type TestEmulator } from "../testing";

const UBUNTU = acmeImageId(1);
const DEBIAN = acmeImageId(2);
const APP_01 = acmeImageId(101);
const GPU = "610be000-0000-4000-8000-000000000001";
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const NOT_FOUND = { error: { message: "The job does not exist.", code: "IMG.0023" } };
const SHARE_2X2 = { images: [UBUNTU, APP_01], projects: [DEMO.globexAp, DEMO.initechAp] };

let t: TestEmulator;
let alice: string;

async function start(config: ConfigPatch = {}): Promise<void> {
  t?.close();
  t = testEmulator(config);
  alice = await t.login("alice");
}

beforeEach(() => start());
afterEach(() => t.close());

async function submit(method: string, body: unknown, token = alice): Promise<string> {
  const res = await t.call(method, "/v1/cloudimages/members", { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.job_id;
}

const showJob = (id: string, token = alice, project: string = DEMO.acmeAp) =>
  t.call("GET", `/v1/${project}/jobs/${id}`, { token });
const progress = (id: string, token = alice) => t.call("GET", `/v1/cloudimages/job/${id}`, { token });

describe("job visibility", () => {
  it("serves the job only to the submitting project", async () => {
    const id = await submit("POST", SHARE_2X2);
    const bob = await t.login("bob");
    for (const res of [await showJob(id, bob, DEMO.globexAp), await progress(id, bob)]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(NOT_FOUND);
    }
    const unknown = "0123456789abcdef0123456789abcdef";
    expect((await showJob(unknown)).body).toEqual(NOT_FOUND);
    expect((await progress(unknown)).status).toBe(404);
  });

  it("lets a read-only user of the same project read it, and refuses a user without ims:images:get", async () => {
    const id = await submit("POST", SHARE_2X2);
    const audrey = await t.login("audrey");
    expect((await showJob(id, audrey)).status).toBe(200);
    t.emu.world.users.get(DEMO.audrey)!.permissions = [];
    for (const res of [await showJob(id, audrey), await progress(id, audrey)]) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { code: "IMG.0026", message: IMS_MESSAGES["IMG.0026"] } });
    }
  });

  it("answers a path project other than the token's with the configured mismatch", async () => {
    const id = await submit("POST", SHARE_2X2);
    const res = await showJob(id, alice, DEMO.globexAp);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: "IMG.0030", message: IMS_MESSAGES["IMG.0030"] } });
    await start({ projectMismatch: { status: 403, code: "IMG.0161" } });
    expect((await showJob(id, alice, DEMO.globexAp)).status).toBe(403);
  });

  it("forgets finished jobs after the retention time", async () => {
    const id = await submit("POST", SHARE_2X2);
    t.emu.clock.advance(t.emu.config.jobRetentionMs - 1000);
    expect((await showJob(id, await t.login("alice"))).status).toBe(200);
    t.emu.clock.advance(2000);
    expect((await showJob(id, await t.login("alice"))).body).toEqual(NOT_FOUND);
  });
});

describe("job shapes", () => {
  it("ShowJob has the documented top-level fields in order", async () => {
    const res = await showJob(await submit("POST", SHARE_2X2));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual([
      "job_id",
      "job_type",
      "begin_time",
      "end_time",
      "status",
      "error_code",
      "fail_reason",
      "entities",
    ]);
    expect(res.body.begin_time).toMatch(ISO_MS);
    expect(res.body.end_time).toMatch(ISO_MS);
    expect(Object.keys(res.body.entities)).toEqual(["results"]);
  });

  it("ShowJobProgress has progress entities and no results", async () => {
    const id = await submit("POST", SHARE_2X2);
    const res = await progress(id);
    expect(res.body).toMatchObject({
      job_id: id,
      job_type: "imsAddImageMembersJob",
      status: "SUCCESS",
      error_code: null,
      fail_reason: null,
    });
    expect(res.body.entities).toEqual({
      image_id: UBUNTU,
      current_task: "",
      image_name: "ubuntu-22.04-web",
      process_percent: 100,
      subJobId: "",
      sub_jobs_result: [],
      sub_jobs_list: [],
    });
  });
});

describe("job timing", () => {
  it("goes INIT → RUNNING → SUCCESS as the clock moves, applying one pair per step", async () => {
    await start({ jobTiming: { initMs: 10_000, itemMs: 10_000, maxRunMs: 0 } });
    const id = await submit("POST", SHARE_2X2);
    const members = () => t.emu.world.memberCount(UBUNTU) + t.emu.world.memberCount(APP_01);
    const read = async () => ({ job: (await showJob(id)).body, progress: (await progress(id)).body });

    let now = await read();
    expect(now.job).toMatchObject({ status: "INIT", end_time: null, entities: { results: [] } });
    expect(now.progress.entities).toMatchObject({ process_percent: 0, current_task: "" });

    const steps = [
      { status: "RUNNING", percent: 0, applied: 0, results: 0, task: UBUNTU },
      { status: "RUNNING", percent: 25, applied: 1, results: 0, task: UBUNTU },
      { status: "RUNNING", percent: 50, applied: 2, results: 1, task: APP_01 },
      { status: "RUNNING", percent: 75, applied: 3, results: 1, task: APP_01 },
      { status: "SUCCESS", percent: 100, applied: 4, results: 2, task: "" },
    ];
    for (const step of steps) {
      t.emu.clock.advance(10_000);
      now = await read();
      expect(now.job.status).toBe(step.status);
      expect(now.progress.entities.process_percent).toBe(step.percent);
      expect(now.progress.entities.current_task).toBe(step.task);
      expect(now.job.entities.results).toHaveLength(step.results);
      expect(members()).toBe(step.applied);
    }
    expect(Date.parse(now.job.end_time) - Date.parse(now.job.begin_time)).toBe(50_000);
  });

  it("bounds a job's running time by maxRunMs", async () => {
    await start({ jobTiming: { initMs: 0, itemMs: 10_000, maxRunMs: 20_000 } });
    const id = await submit("POST", SHARE_2X2);
    t.emu.clock.advance(10_000);
    expect((await progress(id)).body.entities.process_percent).toBe(50);
    t.emu.clock.advance(10_000);
    expect((await showJob(id)).body.status).toBe("SUCCESS");
  });
});

describe("per-pair results", () => {
  beforeEach(() => start({ jobResults: "per-pair" }));

  it("lists every pair of add, update and delete jobs", async () => {
    const add = (await showJob(await submit("POST", SHARE_2X2))).body;
    expect(add.entities.results).toEqual([
      { image_id: UBUNTU, project_id: DEMO.globexAp, status: "success" },
      { image_id: UBUNTU, project_id: DEMO.initechAp, status: "success" },
      { image_id: APP_01, project_id: DEMO.globexAp, status: "success" },
      { image_id: APP_01, project_id: DEMO.initechAp, status: "success" },
    ]);
    const del = (await showJob(await submit("DELETE", { images: [DEBIAN], projects: [DEMO.globexAp] }))).body;
    expect(del.entities.results).toEqual([{ image_id: DEBIAN, project_id: DEMO.globexAp, status: "success" }]);
    const update = (await showJob(await submit("PUT", { images: [GPU], project_id: DEMO.acmeAp, status: "accepted" })))
      .body;
    expect(update.entities.results).toEqual([{ image_id: GPU, project_id: DEMO.acmeAp, status: "success" }]);
  });
});

describe("injected job faults", () => {
  it("fail-pairs fails exactly the named pair and keeps the others applied", async () => {
    await start({ jobResults: "per-pair" });
    t.faults.addJob({ kind: "fail-pairs", pairs: [{ image_id: UBUNTU, target: DEMO.initechAp }], code: "IMG.0112" });
    const job = (await showJob(await submit("POST", SHARE_2X2))).body;
    expect(job).toMatchObject({ status: "FAIL", error_code: "IMG.0112", fail_reason: IMS_MESSAGES["IMG.0112"] });
    expect(job.entities.results.filter((r: { status: string }) => r.status === "failed")).toEqual([
      { image_id: UBUNTU, project_id: DEMO.initechAp, status: "failed" },
    ]);
    expect(t.emu.world.members.get(UBUNTU)?.has(DEMO.initechAp)).toBe(false);
    expect(t.emu.world.memberCount(UBUNTU) + t.emu.world.memberCount(APP_01)).toBe(3);
  });

  it("stuck keeps the job RUNNING with nothing applied, only for the matching images", async () => {
    t.faults.addJob({ kind: "stuck", images: [UBUNTU] });
    const stuck = await submit("POST", { images: [UBUNTU], projects: [DEMO.globexAp] });
    const other = await submit("POST", { images: [APP_01], projects: [DEMO.globexAp] });
    t.emu.clock.advance(3600_000);
    expect((await showJob(stuck)).body).toMatchObject({ status: "RUNNING", end_time: null, entities: { results: [] } });
    expect((await progress(stuck)).body.entities.process_percent).toBe(0);
    expect(t.emu.world.memberCount(UBUNTU)).toBe(0);
    expect((await showJob(other)).body.status).toBe("SUCCESS");
  });
});
