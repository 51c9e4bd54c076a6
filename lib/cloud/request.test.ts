import type { ServerType } from "@hono/node-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { JOB_SPEEDS } from "@/emulator/core/config";
import { serveForConsole } from "@/emulator/testing";
import { createEmulator, type Emulator } from "@/emulator/server";
import { CloudError } from "./errors";

/** The client against the emulator over loopback: retries, error mapping and validation for real. */
describe("cloud client", () => {
  let emulator: Emulator;
  let server: ServerType;
  let cloud: typeof import("./request");
  let iam: typeof import("./iam");
  let ims: typeof import("./ims");
  let token: string;

  beforeAll(async () => {
    emulator = createEmulator({ config: { jobTiming: JOB_SPEEDS.instant } });
    server = await serveForConsole(emulator);
    process.env.CLOUD_TIMEOUT_MS = "1000";
    [cloud, iam, ims] = await Promise.all([import("./request"), import("./iam"), import("./ims")]);
  });
  afterAll(() => {
    server.close();
    emulator.close();
  });
  beforeEach(async () => {
    emulator.reset();
    token = (await iam.createTokenByPassword({ account: "acme", user: "alice", password: "alice-demo-2026", project: "ap-southeast-1" }, "ap-southeast-1")).token;
  });

  const scope = () => ({ token, region: "ap-southeast-1", projectId: "ac0e00000000000000000000000000a1" });

  it("signs in, lists projects and pages through images with markers", async () => {
    const projects = await iam.listAuthProjects(token, "ap-southeast-1");
    expect(projects.map((p) => p.name).sort()).toEqual(["ap-southeast-1", "cn-north-4"]);
    const first = await ims.listImages(scope(), { owner: scope().projectId, limit: 30 });
    const second = await ims.listImages(scope(), { owner: scope().projectId, limit: 30, marker: first.at(-1)!.id });
    expect(first).toHaveLength(30);
    expect(second).toHaveLength(18);
    expect(new Set([...first, ...second].map((i) => i.id)).size).toBe(48);
  });

  it("retries a read through 503 and 429 with Retry-After, then succeeds", async () => {
    emulator.faults.addRoute({ path: "/v2/cloudimages", status: 503, times: 1 });
    emulator.faults.addRoute({ path: "/v2/cloudimages", status: 429, retryAfter: 0, times: 1 });
    const images = await ims.listImages(scope(), { owner: scope().projectId, limit: 5 });
    expect(images).toHaveLength(5);
    expect(emulator.stats.snapshot().routes["GET /v2/cloudimages"]).toBe(3);
  });

  it("gives up after three attempts with a CloudError carrying status, code and request id", async () => {
    emulator.faults.addRoute({ path: "/v2/cloudimages", status: 503 });
    const error = await ims.listImages(scope(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ service: "ims", status: 503, code: "IMG.0500" });
    expect((error as CloudError).requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(emulator.stats.snapshot().routes["GET /v2/cloudimages"]).toBe(3);
  });

  it("never retries a change: one POST, whatever the answer", async () => {
    emulator.faults.addRoute({ path: "/v1/cloudimages/members", status: 503 });
    const error = await cloud
      .cloudRequest({
        service: "ims",
        region: "ap-southeast-1",
        method: "POST",
        path: "/v1/cloudimages/members",
        token,
        body: { images: ["1b7f0000-0000-4000-8000-000000000001"], projects: ["610be0000000000000000000000000a1"] },
        output: z.object({ job_id: z.string() }),
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503 });
    expect(emulator.stats.snapshot().routes["POST /v1/cloudimages/members"]).toBe(1);
  });

  it("maps the gateway's expired-token answer to a 401 CloudError", async () => {
    emulator.emu.clock.advance(25 * 3600_000);
    const error = await ims.listImages(scope(), {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: "APIGW.0307", isUnauthenticated: true });
  });

  it("times out a hanging call and reports it", async () => {
    emulator.faults.addRoute({ path: "/v3/auth/projects", hang: true, times: 3 });
    const error = await iam.listAuthProjects(token, "ap-southeast-1").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: "timeout" });
  });

  it("reports an answer that does not match the schema as invalid_response", async () => {
    const error = await cloud
      .cloudRequest({ service: "ims", region: "ap-southeast-1", method: "GET", path: "/v1/cloudimages/quota", token, output: z.object({ images: z.array(z.string()) }) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_response", status: 200 });
  });

  it("reports an unreachable endpoint as such, after retrying the read", async () => {
    const saved = process.env.CLOUD_ENDPOINT;
    process.env.CLOUD_ENDPOINT = "http://127.0.0.1:9";
    vi.resetModules();
    const offline = await import("./ims");
    const error = await offline.listImages(scope(), {}).catch((e: unknown) => e);
    process.env.CLOUD_ENDPOINT = saved;
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "CloudError", status: 0, code: "unreachable" });
  });
});
