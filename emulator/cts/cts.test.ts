import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Session } from "../core/context";
import { DEMO } from "../seed/demo";
import type { Trace } from "../store/types";
import { testEmulator, type TestEmulator } from "../testing";
import { recordTrace } from "./record";

const DAY = 24 * 3600 * 1000;

describe("CTS traces", () => {
  let emulator: TestEmulator;
  let alice: string;
  beforeEach(async () => {
    emulator = testEmulator();
    alice = await emulator.login("alice");
  });
  afterEach(() => emulator.close());

  function session(userId: string, projectId: string): Session {
    const { world } = emulator.emu;
    const user = world.users.get(userId)!;
    const token = { userId, projectId, domainScoped: false, methods: ["password"], issuedAt: 0, expiresAt: 0 };
    return {
      credential: { kind: "token", tokenId: "t", token },
      user,
      account: world.accounts.get(user.domainId)!,
      project: world.projects.get(projectId)!,
    };
  }

  /** Records one IMS trace for alice in acme ap-southeast-1 and returns it as stored. */
  function record(name = "img", status = 200, userId: string = DEMO.alice): Trace {
    const s = session(userId, DEMO.acmeAp);
    recordTrace(emulator.emu, s, {
      service: "IMS",
      operation: "add",
      images: [{ id: `id-${name}`, name }],
      apiVersion: "v1",
      status,
      request: { images: [`id-${name}`] },
      response: { job_id: "j" },
      requestId: "r",
      sourceIp: "203.0.113.9",
    });
    const traces = emulator.emu.world.tracesOf(DEMO.acmeAp);
    return traces[traces.length - 1];
  }

  const get = (query: string, token = alice, project: string = DEMO.acmeAp) =>
    emulator.call("GET", `/v3/${project}/traces${query}`, { token });
  const traceIds = (res: { body: any }) => res.body.traces.map((t: any) => t.trace_id);

  function expectCtsError(res: { status: number; body: any }, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error_code: code, error_msg: expect.any(String) });
  }

  it("lists system traces newest first without the internal project field", async () => {
    const a = record("a");
    emulator.emu.clock.advance(1000);
    const b = record("b", 400);
    const res = await get("?trace_type=system");
    expect(res.status).toBe(200);
    expect(traceIds(res)).toEqual([b.trace_id, a.trace_id]);
    expect(res.body.meta_data).toEqual({ count: 2, marker: null });
    const { projectId: _projectId, ...wire } = b;
    expect(res.body.traces[0]).toEqual(wire);
    expect(res.body.traces[0]).not.toHaveProperty("projectId");
    expect(res.body.traces[0]).toMatchObject({
      trace_rating: "warning",
      code: "400",
      request: JSON.stringify({ images: ["id-b"] }),
    });
  });

  it("pages with limit and next markers without duplicates or gaps, ties included", async () => {
    const recorded = Array.from({ length: 7 }, (_, i) => record(`t${i}`));
    const base = emulator.emu.clock.now() - 10_000;
    [0, 0, 0, 1, 1, 2, 3].forEach((offset, i) => (recorded[i].time = base + offset));
    const expected = [6, 5, 4, 3, 2, 1, 0].map((i) => recorded[i].trace_id);
    expect(traceIds(await get("?trace_type=system&limit=200"))).toEqual(expected);

    const seen: string[] = [];
    const markers: (string | null)[] = [];
    let next: string | null = null;
    do {
      const res = await get(`?trace_type=system&limit=2${next ? `&next=${next}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.body.meta_data.count).toBe(res.body.traces.length);
      seen.push(...traceIds(res));
      next = res.body.meta_data.marker;
      markers.push(next);
      if (next) expect(next).toBe(seen[seen.length - 1]);
    } while (next);
    expect(seen).toEqual(expected);
    expect(markers).toEqual([expected[1], expected[3], expected[5], null]);
    expectCtsError(await get("?trace_type=system&next=00000000-0000-4000-8000-000000000000"), 400, "CTS.0003");
  });

  it("treats from and to as exclusive bounds and defaults to the last hour", async () => {
    const [a, b, c] = [record("a"), record("b"), record("c")];
    const now = emulator.emu.clock.now();
    [a.time, b.time, c.time] = [now - 3000, now - 2000, now - 1000];
    expect(traceIds(await get(`?trace_type=system&from=${a.time}&to=${c.time}`))).toEqual([b.trace_id]);
    expect(traceIds(await get(`?trace_type=system&from=${b.time - 1}&to=${b.time + 1}`))).toEqual([b.trace_id]);
    expect(traceIds(await get(`?trace_type=system&from=${b.time}&to=${b.time + 1}`))).toEqual([]);

    a.time = now - 2 * 3600 * 1000;
    expect(traceIds(await get("?trace_type=system"))).toEqual([c.trace_id, b.trace_id]);
    expect(traceIds(await get(`?trace_type=system&from=${now - 3 * 3600 * 1000}`))).toEqual([
      c.trace_id,
      b.trace_id,
      a.trace_id,
    ]);
  });

  it("drops traces older than the retention window", async () => {
    const old = record("old");
    emulator.emu.clock.advance(8 * DAY);
    alice = await emulator.login("alice");
    const fresh = record("fresh");
    const since = `&from=${emulator.emu.clock.now() - 9 * DAY}`;
    expect(traceIds(await get(`?trace_type=system${since}`))).toEqual([fresh.trace_id]);
    expect(traceIds(await get(`?trace_type=system&trace_id=${old.trace_id}`))).toEqual([]);

    await emulator.call("PUT", "/__emulator/config", { body: { cts: { retentionDays: 10 } } });
    expect(traceIds(await get(`?trace_type=system${since}`))).toEqual([fresh.trace_id, old.trace_id]);
  });

  it("filters by service, resource, name, rating and user; trace_id overrides the rest", async () => {
    const a = record("alpha");
    const b = record("beta", 500);
    const c = record("gamma", 200, DEMO.audrey);
    const cph = record("delta");
    cph.service_type = "CPH";
    expect(traceIds(await get("?trace_type=system&service_type=CPH"))).toEqual([cph.trace_id]);
    expect(traceIds(await get("?trace_type=system&resource_id=id-alpha"))).toEqual([a.trace_id]);
    expect(traceIds(await get("?trace_type=system&resource_name=beta&resource_type=image"))).toEqual([b.trace_id]);
    expect(traceIds(await get("?trace_type=system&trace_rating=incident"))).toEqual([b.trace_id]);
    expect(traceIds(await get("?trace_type=system&user=audrey"))).toEqual([c.trace_id]);
    expect(traceIds(await get("?trace_type=system&trace_name=addMember&user=alice"))).toEqual([
      cph.trace_id,
      b.trace_id,
      a.trace_id,
    ]);
    expect(traceIds(await get("?trace_type=system&trace_name=deleteMember"))).toEqual([]);
    expect(traceIds(await get(`?trace_type=system&service_type=CPH&trace_id=${a.trace_id}`))).toEqual([a.trace_id]);
    expect(traceIds(await get("?trace_type=data"))).toEqual([]);
    expectCtsError(await get("?trace_type=system&trace_rating=bad"), 400, "CTS.0003");
  });

  it("validates trace_type, limit, from and to", async () => {
    record();
    expectCtsError(await get(""), 400, "CTS.0003");
    expectCtsError(await get("?trace_type=all"), 400, "CTS.0003");
    expectCtsError(await get("?trace_type=system&limit=201"), 400, "CTS.0003");
    expectCtsError(await get("?trace_type=system&limit=0"), 400, "CTS.0003");
    expectCtsError(await get("?trace_type=system&from=yesterday"), 400, "CTS.0003");
    expect((await get("?trace_type=system&limit=200")).status).toBe(200);
    for (let i = 0; i < 12; i++) record();
    const firstPage = await get("?trace_type=system");
    expect(firstPage.body.traces).toHaveLength(10);
    expect(firstPage.body.meta_data).toEqual({ count: 10, marker: firstPage.body.traces[9].trace_id });
  });

  it("keeps each project's traces to itself", async () => {
    const mine = record("mine");
    const bob = await emulator.login("bob");
    expectCtsError(await get("?trace_type=system", bob), 403, "CTS.0012");
    const own = await get("?trace_type=system&limit=200", bob, DEMO.globexAp);
    expect(own.status).toBe(200);
    expect(traceIds(own)).not.toContain(mine.trace_id);
    expect(traceIds(await get(`?trace_type=system&trace_id=${mine.trace_id}`, bob, DEMO.globexAp))).toEqual([]);

    const anonymous = await emulator.call("GET", `/v3/${DEMO.acmeAp}/traces?trace_type=system`);
    expect(anonymous.status).toBe(401);
    emulator.emu.world.users.get(DEMO.audrey)!.permissions = ["ims:images:get"];
    expectCtsError(await get("?trace_type=system", await emulator.login("audrey")), 403, "CTS.0013");
  });
});
