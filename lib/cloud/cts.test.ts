import type { ServerType } from "@hono/node-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { JOB_SPEEDS } from "@/emulator/core/config";
import { DEMO, acmeImageId } from "@/emulator/seed/demo";
import { serveForConsole } from "@/emulator/testing";
import { createEmulator, type Emulator } from "@/emulator/server";
import { CloudError } from "./errors";

/** The CTS client against the emulator over loopback: traces of real member calls, filters and paging. */
describe("CTS client", () => {
  let emulator: Emulator;
  let server: ServerType;
  let iam: typeof import("./iam");
  let ims: typeof import("./ims");
  let cts: typeof import("./cts");
  let token: string;

  beforeAll(async () => {
    emulator = createEmulator({ config: { jobTiming: JOB_SPEEDS.instant } });
    server = await serveForConsole(emulator);
    [iam, ims, cts] = await Promise.all([import("./iam"), import("./ims"), import("./cts")]);
  });
  afterAll(() => {
    server.close();
    emulator.close();
  });
  beforeEach(async () => {
    emulator.reset();
    token = (await iam.createTokenByPassword({ account: "acme", user: "alice", password: "alice-demo-2026", project: "ap-southeast-1" }, "ap-southeast-1")).token;
  });

  const scope = () => ({ token, region: "ap-southeast-1", projectId: DEMO.acmeAp });
  const images = [acmeImageId(1), acmeImageId(2), acmeImageId(7)];

  it("reads the trace of a batch share per image, with the call's request id and body", async () => {
    const { requestId } = await ims.batchAddMembers(scope(), { images, projects: [DEMO.globexAp] });
    const { traces, marker } = await cts.listTraces(scope(), { trace_type: "system", service_type: "IMS", resource_type: "image", limit: 200 });
    expect(marker).toBeUndefined();
    expect(traces.map((t) => t.resource_id).sort()).toEqual([...images].sort());
    for (const t of traces) {
      expect(t).toMatchObject({ trace_name: "addMember", code: "200", request_id: requestId, user: { name: "alice", domain: { id: DEMO.acme } } });
      expect(JSON.parse(t.request!)).toEqual({ images, projects: [DEMO.globexAp] });
    }
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
    const error = await cts.listTraces({ ...scope(), projectId: DEMO.globexAp }, { trace_type: "system" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ service: "cts", status: 403, code: "CTS.0012" });
  });
});
