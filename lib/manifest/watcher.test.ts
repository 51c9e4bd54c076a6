import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import type { StoredSession } from "@/lib/auth/session-store";
import { migrate } from "@/lib/db/connect";
import { backends } from "@/lib/db/testing";
import type { Database } from "@/lib/db/types";
import { DEFAULT_SETTINGS } from "@/lib/notify/settings";
import { saveSettings } from "@/lib/notify/store";
import { blame } from "./blame";
import { getWatch, makeDue, saveWatch, type DriftEntry } from "./watches";
import { DriftWatcher } from "./watcher";

/**
 * The drift watcher on SQLite and PostgreSQL, with the cloud comparison stubbed (lib/manifest/compare
 * has its own tests against the emulator): a manifest is checked once however many watchers run, waits
 * for its saver's session, announces drift once per change of drift, and records who changed a pair.
 */
const session: StoredSession = {
  id: "s1",
  ...ALICE_ACTOR,
  roles: ["te_admin"],
  token: "token",
  tokenExpiresAt: Date.now() + 3600_000,
};
const GLOBEX = "0b5b2f3a1c4d4e6f8a9b0c1d2e3f4a5b";
const pair = (action: "add" | "remove", image: string): DriftEntry => ({
  action,
  image,
  imageName: `image ${image}`,
  service: "ims",
  target: { kind: "project", value: GLOBEX, memberId: GLOBEX },
});

describe.each(backends)("drift watcher on $name", (backend) => {
  let db: Kysely<Database>;
  let cleanup: () => Promise<void>;
  let signedIn = true;
  let drift: DriftEntry[] = [];
  let compared = 0;
  const watcher = (instanceId: string) =>
    new DriftWatcher({
      db,
      sessions: async () => ({ validFor: async () => (signedIn ? [session] : []) }),
      compare: async () => {
        compared++;
        return { drift, digest: JSON.stringify(drift.map((d) => `${d.action}${d.image}`)) };
      },
      blame: (w, d) => blame(db, w.accountId, w.projectId, d),
      instanceId,
      everyMs: 3600_000,
      log: () => {},
    });
  const outbox = async () =>
    (await db.selectFrom("notification_outbox").select(["event_type", "payload"]).execute()).filter(
      (r) => r.event_type === "manifest.drift",
    );

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    await migrate(db);
    await saveSettings(db, ALICE_ACTOR.accountId, DEFAULT_SETTINGS, ALICE_ACTOR.userName);
    await db
      .insertInto("webhooks")
      .values({
        id: "w1",
        account_id: ALICE_ACTOR.accountId,
        name: "ops",
        url: "https://hooks.example.com/imshare",
        preset: "generic",
        secret_ciphertext: "x",
        enabled: 1,
        created_by: "alice",
        created_at: Date.now(),
      })
      .execute();
  });
  afterAll(async () => {
    await db.destroy();
    await cleanup();
  });
  beforeEach(async () => {
    await db.deleteFrom("watched_manifests").execute();
    await db.deleteFrom("notification_outbox").execute();
    signedIn = true;
    drift = [];
    compared = 0;
  });

  it("checks a due manifest once with two watchers, and records it in sync", async () => {
    const { id } = await saveWatch(db, ALICE_ACTOR, "golden", "version: 1\nimages: []\n");
    const counts = await Promise.all([watcher("a").pass(), watcher("b").pass()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(compared).toBe(1);
    const w = await getWatch(db, ALICE_ACTOR.accountId, ALICE_ACTOR.projectId, id);
    expect(w).toMatchObject({ status: "ok", driftCount: 0 });
    expect(w?.checkedAt).toBeGreaterThan(0);
    // Not due again until the interval passes, or until something makes it due.
    expect(await watcher("a").pass()).toBe(0);
    await makeDue(db, ALICE_ACTOR.accountId, ALICE_ACTOR.projectId, Date.now());
    expect(await watcher("a").pass()).toBe(1);
  });

  it("waits for its saver's session, saying whose", async () => {
    signedIn = false;
    const { id } = await saveWatch(db, ALICE_ACTOR, "golden", "version: 1\n");
    await watcher("a").pass();
    const w = await getWatch(db, ALICE_ACTOR.accountId, ALICE_ACTOR.projectId, id);
    expect(w?.status).toBe("waiting");
    expect(w?.statusText).toEqual({ key: "drift.waiting", values: { user: "alice", project: "ap-southeast-1" } });
    expect(compared).toBe(0);
  });

  it("announces drift once, with who changed the pair, and again only when the drift changes", async () => {
    await db
      .insertInto("audit_events")
      .values({
        id: "e1",
        occurred_at: 1_000,
        ...{ account_id: ALICE_ACTOR.accountId, account_name: "acme", user_id: "u", user_name: "mallory" },
        ...{ project_id: ALICE_ACTOR.projectId, project_name: "ap-southeast-1", region: "ap-southeast-1" },
        action: "share",
        source: "cts",
        outcome: "succeeded",
        images: JSON.stringify(["img-1"]),
        targets: JSON.stringify([GLOBEX]),
        pairs: "[]",
        input: "{}",
        error_code: null,
        error_message: null,
        upstream_request_id: null,
        upstream_job_id: null,
        duration_ms: 0,
        prev_hash: null,
        hash: null,
        external_id: null,
      })
      .execute();
    const { id } = await saveWatch(db, ALICE_ACTOR, "golden", "version: 1\n");
    drift = [pair("remove", "img-1")];
    await watcher("a").pass();
    const w = await getWatch(db, ALICE_ACTOR.accountId, ALICE_ACTOR.projectId, id);
    expect(w).toMatchObject({ status: "drift", driftCount: 1 });
    expect(w?.drift[0].changedBy).toEqual({ user: "mallory", source: "cts", action: "share", at: 1_000 });
    expect(await outbox()).toHaveLength(1);
    expect(JSON.parse((await outbox())[0].payload).text).toEqual({
      key: "drift.notice.textBy",
      values: { name: "golden", adds: 0, removes: 1, user: "mallory" },
    });

    // The same drift again: nothing new to tell.
    await makeDue(db, ALICE_ACTOR.accountId, ALICE_ACTOR.projectId, Date.now());
    await watcher("a").pass();
    expect(await outbox()).toHaveLength(1);

    // More drift: told again.
    drift = [pair("remove", "img-1"), pair("add", "img-2")];
    await makeDue(db, ALICE_ACTOR.accountId, ALICE_ACTOR.projectId, Date.now());
    await watcher("a").pass();
    expect(await outbox()).toHaveLength(2);
  });

  it("keeps one manifest per name in a project: saving the name again replaces the text", async () => {
    const first = await saveWatch(db, ALICE_ACTOR, "golden", "version: 1\n");
    const again = await saveWatch(db, ALICE_ACTOR, "golden", "version: 1\nowns: all\n");
    expect(again).toEqual({ id: first.id, created: false });
    expect((await getWatch(db, ALICE_ACTOR.accountId, ALICE_ACTOR.projectId, first.id))?.source).toContain("owns");
    expect(await getWatch(db, ALICE_ACTOR.accountId, "another-project", first.id)).toBeUndefined();
  });
});
