import type { ServerType } from "@hono/node-server";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mergeConfig } from "@/emulator/core/config";
import { DEMO } from "@/emulator/seed/demo";
import { createEmulator } from "@/emulator/server";
import { serveForConsole, wrapEmulator, type TestEmulator } from "@/emulator/testing";
import { deriveTokenKey } from "@/lib/auth/crypto";
import { SessionStore } from "@/lib/auth/session-store";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";

/** A batch's token when the launcher's only session is in another project: re-scoped (D7 A) or waiting for a sign-in there (B). */
let emulator: TestEmulator;
let server: ServerType;
let tokens: typeof import("./tokens");
let iam: typeof import("@/lib/cloud/iam");
beforeAll(async () => {
  emulator = wrapEmulator(createEmulator({ seed: "demo" }));
  server = await serveForConsole(emulator);
  [tokens, iam] = await Promise.all([import("./tokens"), import("@/lib/cloud/iam")]);
});
afterAll(() => {
  server.close();
  emulator.close();
});

const BATCH_IN_AP = { userId: DEMO.alice, accountId: DEMO.acme, projectId: DEMO.acmeAp, region: "ap-southeast-1" };
const signIn = (project: string) =>
  iam.createTokenByPassword({ account: "acme", user: "alice", password: "alice-demo-2026", project }, project);

describe.each(backends)("session tokens on $name", (backend) => {
  let db: Kysely<Database>;
  let store: SessionStore;
  onMigratedDatabase(backend, (opened) => {
    db = opened;
    store = new SessionStore(db, deriveTokenKey("x".repeat(40)));
  });
  beforeEach(async () => {
    emulator.reset();
    await db.deleteFrom("sessions").execute();
  });

  it("A: re-scopes a session of another project of the account", async () => {
    const cn = await signIn("cn-north-4");
    await store.create(cn.token, cn.body);
    const source = tokens.sessionTokens(async () => store);
    const token = await source.tokenFor(BATCH_IN_AP, null);
    expect(token?.token).toBeTruthy();
    expect(token?.token).not.toBe(cn.token);
    expect(source.rescopeRefused?.(BATCH_IN_AP)).toBe(false);
  });

  it.each([401, 403] as const)(
    "B (%i): says re-scoping was refused, and a sign-in to the batch's project resumes it",
    async (status) => {
      emulator.emu.config = mergeConfig(emulator.emu.config, {
        disputed: { tokenRescope: "B", tokenRescopeStatus: status },
      });
      const cn = await signIn("cn-north-4");
      await store.create(cn.token, cn.body);
      const source = tokens.sessionTokens(async () => store);
      expect(await source.tokenFor(BATCH_IN_AP, null)).toBeUndefined();
      expect(source.rescopeRefused?.(BATCH_IN_AP)).toBe(true);

      const waitingSince = Date.now();
      // Waiting: the old session is not read again, and the verdict stands.
      expect(await source.tokenFor(BATCH_IN_AP, waitingSince)).toBeUndefined();
      expect(source.rescopeRefused?.(BATCH_IN_AP)).toBe(true);

      const ap = await signIn("ap-southeast-1");
      await store.create(ap.token, ap.body, waitingSince + 1);
      expect((await source.tokenFor(BATCH_IN_AP, waitingSince))?.token).toBe(ap.token);
      expect(source.rescopeRefused?.(BATCH_IN_AP)).toBe(false);
    },
  );
});
