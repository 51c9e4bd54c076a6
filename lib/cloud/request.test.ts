import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { CloudError } from "./errors";
import { emulatorPlaying, READINGS } from "./testing";

/** The client against the emulator over loopback, under both readings of section 14: retries, error mapping and validation for real. */
describe.each(READINGS)("cloud client, disputed rows read as %s", (reading) => {
  const emulatorNow = emulatorPlaying(reading);
  let cloud: typeof import("./request");
  let iam: typeof import("./iam");
  let ims: typeof import("./ims");
  let token: string;

  beforeAll(async () => {
    process.env.CLOUD_TIMEOUT_MS = "1000";
    [cloud, iam, ims] = await Promise.all([import("./request"), import("./iam"), import("./ims")]);
  });
  let emulator: ReturnType<typeof emulatorNow>;
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

  it("answers a hanging read with a timeout within CLOUD_TIMEOUT_MS, retries included", async () => {
    emulator.faults.addRoute({ path: "/v3/auth/projects", hang: true });
    const started = performance.now();
    const error = await iam.listAuthProjects(token, "ap-southeast-1").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: "timeout" });
    expect(performance.now() - started).toBeLessThan(1_500);
    // The users see the timeout sentence: its code travels in the digest Next keeps for the error page.
    expect((error as CloudError).digest).toMatch(/^timeout\./);
  });

  it("stops retrying a failing read when the deadline comes", async () => {
    emulator.faults.addRoute({ path: "/v2/cloudimages", status: 503, latencyMs: 700 });
    const error = await ims.listImages(scope(), {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: "timeout" });
    expect(emulator.stats.snapshot().routes["GET /v2/cloudimages"]).toBe(2);
  });

  it("reads a member list to its end whether next_marker is absent, empty or null (D2)", async () => {
    const image = "1b7f0000-0000-4000-8000-000000000008";
    const answer = await emulator.call("GET", `/v1/${scope().projectId}/cloudimages/${image}/members?limit=1000`, {
      token,
    });
    if (reading === "B") expect(answer.body.page_info).toMatchObject({ next_marker: null });
    const members = await ims.listImageMembers(scope(), image);
    expect(members).toHaveLength(255);
    expect(members.every((m) => m.urn === undefined || typeof m.urn === "string")).toBe(true);
  });

  it("sends batch bodies without empty domains or organizations, which reading B refuses (D5)", async () => {
    const images = ["1b7f0000-0000-4000-8000-000000000001"];
    const { batchBody } = await import("@/lib/sharing/targets");
    const body = batchBody(images, [{ kind: "project", value: "610be0000000000000000000000000a1" }]);
    expect(body).toEqual({ images, projects: ["610be0000000000000000000000000a1"] });
    const added = await ims.batchAddMembers(scope(), body);
    expect((await ims.showJob(scope(), added.jobId)).status).toBe("SUCCESS");
    const removed = await ims.batchDeleteMembers(scope(), body);
    expect((await ims.showJob(scope(), removed.jobId)).status).toBe("SUCCESS");
    // The request schema refuses an empty array before anything is sent.
    emulator.stats.reset();
    await expect(ims.batchAddMembers(scope(), { ...body, domains: [] })).rejects.toThrow();
    expect(emulator.stats.snapshot().routes["POST /v1/cloudimages/members"]).toBeUndefined();
  });

  it("reports an answer that does not match the schema as invalid_response, logged once per problem without values", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    // One field named after the reading: the log is once per problem for the whole process.
    const output = z.object({
      quotas: z.object({ resources: z.array(z.object({ type: z.number() })) }),
      [`missing_${reading}`]: z.string(),
    });
    const ask = (marker: string) =>
      cloud
        .cloudRequest({
          service: "ims",
          region: "ap-southeast-1",
          method: "GET",
          path: "/v1/cloudimages/quota",
          query: { marker, unused: undefined },
          token,
          output,
        })
        .catch((e: unknown) => e);
    const first = await ask("secret-marker-value");
    expect(first).toMatchObject({ code: "invalid_response", status: 200 });
    await ask("another-marker-value");
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0][0]);
    warn.mockRestore();
    error.mockRestore();
    expect(line).toContain("IMS GET /v1/cloudimages/quota?marker HTTP 200");
    expect(line).toContain(`request ${(first as CloudError).requestId}`);
    expect(line).toContain(`missing_${reading}: expected string, received nothing`);
    expect(line).toContain("quotas.resources.*.type: expected number, received string");
    for (const secret of [token, "secret-marker-value", "image_member"]) expect(line).not.toContain(secret);

    const { toAppError, ERRORS } = await import("@/lib/errors");
    const shown = toAppError(first);
    expect(shown).toMatchObject({ code: "invalid_response", upstreamRequestId: (first as CloudError).requestId });
    expect(shown.message).toBe(`${ERRORS.invalid_response[1]} Reference: ${(first as CloudError).requestId}.`);
  });
});

describe("cloud client without a cloud", () => {
  const scope = () => ({ token: "t", region: "ap-southeast-1", projectId: "ac0e00000000000000000000000000a1" });

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
