import { afterEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORDS } from "@/emulator/seed/demo";
import { REDACTED, Transcript } from "./transcript";
import { aliceEnv, runConformanceCli, serveEmulator, type Served } from "./test-helpers";

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

describe("the conformance transcript", () => {
  it("redacts passwords, token ids, secret keys, known secrets and secrets inside JSON strings", () => {
    const t = new Transcript();
    t.secret("opaque-token-value-1234");
    const out = t.redact({
      auth: {
        identity: { methods: ["token"], token: { id: "abc" }, password: { user: { name: "alice", password: "p" } } },
      },
      headers: { "X-Auth-Token": "x", "X-Subject-Token": "y", Accept: "application/json" },
      user: { access_key_id: "ACME0ALICE0DEMO00001", name: "alice" },
      request: '{"user":{"password":"hunter2"},"sk":"s3cr3t"}',
      note: "sent opaque-token-value-1234 again",
      keystone: `MII${"A".repeat(80)}`,
    });
    expect(out).toEqual({
      auth: {
        identity: {
          methods: ["token"],
          token: { id: REDACTED },
          password: { user: { name: "alice", password: REDACTED } },
        },
      },
      headers: { "X-Auth-Token": REDACTED, "X-Subject-Token": REDACTED, Accept: "application/json" },
      user: { access_key_id: REDACTED, name: "alice" },
      request: `{"user":{"password":"${REDACTED}"},"sk":"${REDACTED}"}`,
      note: `sent ${REDACTED} again`,
      keystone: REDACTED,
    });
  });

  it("holds every request and answer of a full run and no token, password or secret", async () => {
    served = await serveEmulator({});
    const run = await runConformanceCli(aliceEnv(served.url));
    const doc = JSON.parse(run.transcript);
    expect(doc.findings).toEqual(run.out.slice(0, 8));
    const requests = served.emulator.stats.snapshot().total;
    expect(doc.requests).toHaveLength(requests);
    for (const r of doc.requests)
      expect(r).toMatchObject({ method: expect.any(String), url: expect.any(String), status: expect.any(Number) });
    const tokens = [...served.emulator.emu.world.tokens.keys()];
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    for (const secret of [...tokens, DEMO_PASSWORDS.alice, DEMO_PASSWORDS.bob])
      expect(run.transcript).not.toContain(secret);
    expect(run.transcript).toContain(`"x-subject-token": "${REDACTED}"`);
    expect(run.transcript).toContain(`"X-Auth-Token": "${REDACTED}"`);
  });
});

describe("npm run conformance when it cannot run", () => {
  it("lists the missing required variables and exits 2", async () => {
    const run = await runConformanceCli({
      CONFORMANCE_REGION: "ap-southeast-1",
      CONFORMANCE_ACCOUNT: "acme",
      CONFORMANCE_USER: " ",
    });
    expect(run.code).toBe(2);
    expect(run.err[0]).toBe(
      "conformance: missing required environment variables: CONFORMANCE_USER, CONFORMANCE_PASSWORD, CONFORMANCE_PROJECT",
    );
    expect(run.out).toEqual([]);
  });

  it("exits 1 with the IAM answer when sign-in is refused, and still writes the transcript", async () => {
    served = await serveEmulator({});
    const run = await runConformanceCli({ ...aliceEnv(served.url), CONFORMANCE_PASSWORD: "wrong-password" });
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      "conformance: could not run: Sign-in of acme/alice to project ap-southeast-1 failed: 401",
    );
    expect(run.out).toEqual([]);
    expect(JSON.parse(run.transcript).requests).toHaveLength(1);
    expect(run.transcript).not.toContain("wrong-password");
  });

  it("exits 1 naming the endpoint when the cloud cannot be reached", async () => {
    served = await serveEmulator({});
    const url = served.url;
    await served.close();
    served = undefined;
    const run = await runConformanceCli(aliceEnv(url));
    expect(run.code).toBe(1);
    expect(run.err.find((l) => l.startsWith("conformance: could not run:"))).toMatch(
      `IAM at ${url} could not be reached`,
    );
  });
});
