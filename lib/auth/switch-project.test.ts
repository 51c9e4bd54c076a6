import type { ServerType } from "@hono/node-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mergeConfig } from "@/emulator/core/config";
import { DEMO } from "@/emulator/seed/demo";
import { createEmulator } from "@/emulator/server";
import { serveForConsole, wrapEmulator, type TestEmulator } from "@/emulator/testing";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import type { StoredSession } from "./session-store";

/** D7: switching projects and token sign-in where IAM refuses the token method, and where it does not. */
let emulator: TestEmulator;
let server: ServerType;
let mod: {
  switching: typeof import("./switch-project");
  signIn: typeof import("./sign-in");
  iam: typeof import("@/lib/cloud/iam");
};
beforeAll(async () => {
  emulator = wrapEmulator(createEmulator({ seed: "demo" }));
  server = await serveForConsole(emulator);
  const [switching, signIn, iam] = await Promise.all([
    import("./switch-project"),
    import("./sign-in"),
    import("@/lib/cloud/iam"),
  ]);
  mod = { switching, signIn, iam };
});
afterAll(() => {
  server.close();
  emulator.close();
});

const CN = { id: DEMO.acmeCn, name: "cn-north-4" };
let session: StoredSession;
let address = 0;
beforeEach(async () => {
  emulator.reset();
  const token = await emulator.login("alice");
  session = {
    id: "s1",
    ...ALICE_ACTOR,
    roles: [],
    token,
    tokenExpiresAt: Date.now() + 3_600_000,
  };
});
const refuseRescope = (status: 401 | 403) => {
  emulator.emu.config = mergeConfig(emulator.emu.config, {
    disputed: { tokenRescope: "B", tokenRescopeStatus: status },
  });
};

describe("project switch", () => {
  it("A: re-scopes the session's token", async () => {
    const issued = await mod.switching.rescopeSession(session, CN);
    expect(issued.body.project?.id).toBe(DEMO.acmeCn);
  });

  it.each([401, 403] as const)("B (%i): asks for the password, naming the project", async (status) => {
    refuseRescope(status);
    await expect(mod.switching.rescopeSession(session, CN)).rejects.toMatchObject({
      // Said in the request's language by the action wrapper (lib/localize/errors.ts).
      error: {
        code: "password_needed",
        text: { key: "errors.said.passwordNeededFor", values: { project: "cn-north-4" } },
      },
    });
  });

  it("B: the password signs in to that project; a wrong one is a field error, not a trip to sign-in", async () => {
    refuseRescope(403);
    const where = `test-${++address}`;
    await expect(mod.switching.passwordForProject(session, CN, "not-her-password", where)).rejects.toMatchObject({
      error: {
        code: "invalid_credentials",
        text: { key: "errors.said.passwordRefused", values: { user: "alice", project: "cn-north-4" } },
        fieldErrors: { password: ["errors.said.passwordRefused"] },
      },
    });
    const issued = await mod.switching.passwordForProject(session, CN, "alice-demo-2026", where);
    expect(issued.body).toMatchObject({ project: { id: DEMO.acmeCn }, user: { name: "alice" } });
  });
});

describe("token sign-in to another project", () => {
  it("B: a token IAM will not re-scope is told to use its own project or a password; an unknown project stays unknown", async () => {
    refuseRescope(403);
    const token = await emulator.login("alice");
    await expect(mod.signIn.signInWithToken({ token, project: "cn-north-4" })).rejects.toMatchObject({
      reason: "token_not_rescoped",
    });
    await expect(mod.signIn.signInWithToken({ token, project: "eu-west-0" })).rejects.toMatchObject({
      reason: "unknown_project",
    });
    expect((await mod.signIn.signInWithToken({ token })).body.project?.name).toBe("ap-southeast-1");
  });

  it("A: the token is re-scoped to the chosen project", async () => {
    const token = await emulator.login("alice");
    expect((await mod.signIn.signInWithToken({ token, project: "cn-north-4" })).body.project?.id).toBe(DEMO.acmeCn);
  });
});
