import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO, acmeImageId } from "@/emulator/seed/demo";
import { CloudError } from "./errors";
import { emulatorPlaying, READINGS } from "./testing";

/** The CTS client against the emulator over loopback: traces of real member calls, filters and paging. */
describe.each(READINGS)("CTS client, disputed rows read as %s", (reading) => {
  const emulatorNow = emulatorPlaying(reading);
  let emulator: ReturnType<typeof emulatorNow>;
  let iam: typeof import("./iam");
  let ims: typeof import("./ims");
  let cts: typeof import("./cts");
  let token: string;

  beforeAll(async () => {
    [iam, ims, cts] = await Promise.all([import("./iam"), import("./ims"), import("./cts")]);
  });
  beforeEach(async () => {
    emulator = emulatorNow();
    emulator.reset();
    token = (
      await iam.createTokenByPassword(
        { account: "acme", user: "alice", password: "alice-demo-2026", project: "ap-southeast-1" },
        "ap-southeast-1",
      )
    ).token;
  });

  const scope = () => ({ token, region: "ap-southeast-1", projectId: DEMO.acmeAp });
  const images = [acmeImageId(1), acmeImageId(2), acmeImageId(7)];

  it("reads the trace of a batch share per image, with the call's request id and body", async () => {
    const { requestId } = await ims.batchAddMembers(scope(), { images, projects: [DEMO.globexAp] });
    const { traces, marker } = await cts.listTraces(scope(), {
      trace_type: "system",
      service_type: "IMS",
      resource_type: "image",
      limit: 200,
    });
    expect(marker).toBeUndefined();
    expect(traces.map((t) => t.resource_id).sort()).toEqual([...images].sort());
    for (const t of traces) {
      expect(t).toMatchObject({
        trace_name: "addMember",
        code: "200",
        request_id: requestId,
        user: { name: "alice", domain: { id: DEMO.acme } },
      });
      expect(JSON.parse(t.request!)).toEqual({ images, projects: [DEMO.globexAp] });
    }
  });

  it("reads a trace the same whether code is a number and request/response objects (D1 B) or strings (A)", async () => {
    const failed = await emulator.call("POST", `/v2/images/${images[0]}/members`, {
      token,
      body: { member: DEMO.acmeAp },
    });
    expect(failed.status).toBeGreaterThanOrEqual(400);
    const raw = await emulator.call("GET", `/v3/${DEMO.acmeAp}/traces?trace_type=system&limit=10`, { token });
    const rawTrace = raw.body.traces[0];
    expect(typeof rawTrace.code).toBe(reading === "B" ? "number" : "string");
    expect(typeof rawTrace.response).toBe(reading === "B" ? "object" : "string");
    if (reading === "B") expect(raw.body.meta_data.marker).toBeNull();
    const { traces, marker } = await cts.listTraces(scope(), { trace_type: "system", limit: 10 });
    expect(marker).toBeUndefined();
    expect(traces[0]).toMatchObject({ code: String(failed.status), request: JSON.stringify({ member: DEMO.acmeAp }) });
    expect(JSON.parse(traces[0].response!)).toEqual(failed.body);
  });

  it("follows markers to the last page and honours from, to and filters", async () => {
    const before = Date.now() - 1;
    for (let i = 0; i < 5; i++) await ims.batchAddMembers(scope(), { images, projects: [DEMO.globexAp] });
    const page = await cts.listTraces(scope(), { trace_type: "system", limit: 4 });
    expect(page.traces).toHaveLength(4);
    expect(page.marker).toBe(page.traces[3].trace_id);
    const all: string[] = [];
    let next: string | undefined;
    do {
      const p = await cts.listTraces(scope(), { trace_type: "system", limit: 4, next });
      all.push(...p.traces.map((t) => t.trace_id));
      next = p.marker;
    } while (next);
    expect(new Set(all).size).toBe(15);
    expect((await cts.listAllTraces(scope(), { trace_type: "system", from: before })).traces).toHaveLength(15);
    expect((await cts.listAllTraces(scope(), { trace_type: "system", to: before })).traces).toHaveLength(0);
    expect((await cts.listAllTraces(scope(), { trace_type: "system", service_type: "CPH" })).traces).toHaveLength(0);
  });

  it("turns a refused query into a CloudError", async () => {
    const error = await cts
      .listTraces({ ...scope(), projectId: DEMO.globexAp }, { trace_type: "system" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ service: "cts", status: 403, code: "CTS.0012" });
  });
});
