import { Migrator, type Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/connect";
import { migrations } from "@/lib/db/migrations";
import { backends } from "@/lib/db/testing";
import type { Database } from "@/lib/db/types";
import { inEnglish } from "@/lib/i18n/english";
import { text } from "@/lib/i18n/text";
import { GENESIS, purgeBefore, verifyChain } from "./chain";
import { tamper as tamperWith } from "./testing";
import { writeAuditEvent, type AuditActor } from "./writer";

const actor = (accountId: string): AuditActor => ({
  userId: "u1",
  userName: "alice",
  accountId,
  accountName: "acme",
  projectId: "p1",
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
});

describe.each(backends)("audit chain on $name", (backend) => {
  let db: Kysely<Database>;
  let cleanup: () => Promise<void>;
  let account: string;
  let n = 0;

  const tamper = (fn: () => Promise<unknown>) => tamperWith(db, fn);

  async function write(count: number, at = Date.now()) {
    const seqs: number[] = [];
    for (let i = 0; i < count; i++) {
      await writeAuditEvent(db, {
        actor: actor(account),
        action: "share",
        outcome: "succeeded",
        images: [`img-${i}`],
        targets: ["t1"],
        occurredAt: at + i,
      });
    }
    const rows = await db
      .selectFrom("audit_events")
      .select("seq")
      .where("account_id", "=", account)
      .orderBy("seq")
      .execute();
    seqs.push(...rows.map((r) => Number(r.seq)));
    return seqs;
  }

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    await migrate(db);
  });
  afterAll(async () => {
    await db.destroy();
    await cleanup();
  });
  beforeEach(() => {
    account = `acct-${++n}`;
  });

  it("links every event to the one before it in its account, and verifies", async () => {
    await write(5);
    await writeAuditEvent(db, { actor: actor("someone-else"), action: "share", outcome: "succeeded" });
    const rows = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("account_id", "=", account)
      .orderBy("seq")
      .execute();
    expect(rows[0].prev_hash).toBe(GENESIS);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(await verifyChain(db, account)).toEqual({ accountId: account, events: 5, ok: true });
    // The refs table indexes what each event is about.
    expect(
      await db
        .selectFrom("audit_refs")
        .select("ref")
        .where("account_id", "=", account)
        .where("kind", "=", "image")
        .execute(),
    ).toHaveLength(5);
  });

  it("refuses UPDATE and DELETE of events", async () => {
    const [seq] = await write(1);
    await expect(
      db.updateTable("audit_events").set({ outcome: "failed" }).where("seq", "=", seq).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("audit_events").where("seq", "=", seq).execute()).rejects.toThrow(/append-only/);
    expect(await verifyChain(db, account)).toMatchObject({ ok: true, events: 1 });
  });

  it("names the altered row", async () => {
    const seqs = await write(6);
    await tamper(() =>
      db
        .updateTable("audit_events")
        .set({ targets: JSON.stringify(["someone-else"]) })
        .where("seq", "=", seqs[3])
        .execute(),
    );
    const report = await verifyChain(db, account);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ seq: seqs[3], problem: text("history.verify.problems.altered") });
  });

  it("names the row after a removed one, and a removed tail", async () => {
    const seqs = await write(6);
    await tamper(() => db.deleteFrom("audit_events").where("seq", "=", seqs[2]).execute());
    expect((await verifyChain(db, account)).firstBreak).toMatchObject({
      seq: seqs[3],
      problem: text("history.verify.problems.unlinked", { previous: String(seqs[1]) }),
    });
    expect(inEnglish(text("history.verify.problems.unlinked", { previous: String(seqs[1]) }))).toBe(
      `Does not link to event #${seqs[1]} before it: an event between them was removed or inserted, or #${seqs[1]} was rewritten.`,
    );

    account = `acct-${++n}`;
    const tail = await write(4);
    await tamper(() => db.deleteFrom("audit_events").where("seq", "=", tail[3]).execute());
    expect((await verifyChain(db, account)).firstBreak).toMatchObject({
      seq: tail[2],
      problem: text("history.verify.problems.tailMissing", { head: String(tail[3]), count: 4 }),
    });
  });

  it("keeps appends of one account in one chain when they race", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        writeAuditEvent(db, { actor: actor(account), action: "share", outcome: "succeeded", images: [`r-${i}`] }),
      ),
    );
    expect(await verifyChain(db, account)).toMatchObject({ ok: true, events: 40 });
  });

  it("chains the events written before the chain existed when the migration runs", async () => {
    const { db: fresh, cleanup: drop } = await backend.open();
    try {
      const provider = { getMigrations: async () => migrations };
      await new Migrator({ db: fresh, provider }).migrateTo("0003_batches");
      for (let i = 0; i < 3; i++) {
        await fresh
          .insertInto("audit_events")
          .values({
            id: `old-${i}`,
            occurred_at: 1_000 + i,
            account_id: "a",
            account_name: "acme",
            user_id: "u",
            user_name: "alice",
            project_id: "p",
            project_name: "ap-southeast-1",
            region: "ap-southeast-1",
            action: "share",
            source: "console",
            outcome: "succeeded",
            images: '["i1"]',
            targets: "[]",
            pairs: "[]",
            input: "{}",
            error_code: null,
            error_message: null,
            upstream_request_id: null,
            upstream_job_id: null,
            duration_ms: 0,
          } as never)
          .execute();
      }
      await migrate(fresh);
      expect(await verifyChain(fresh, "a")).toEqual({ accountId: "a", events: 3, ok: true });
      await writeAuditEvent(fresh, { actor: { ...actor("a") }, action: "share", outcome: "succeeded" });
      expect(await verifyChain(fresh, "a")).toMatchObject({ ok: true, events: 4 });
    } finally {
      await fresh.destroy();
      await drop();
    }
  });

  it("retention removes the oldest run and the rest still verifies", async () => {
    const old = Date.now() - 400 * 86_400_000;
    await write(3, old);
    await write(2);
    const removed = await purgeBefore(db, Date.now() - 365 * 86_400_000);
    expect(removed).toBeGreaterThanOrEqual(3);
    const report = await verifyChain(db, account);
    expect(report).toMatchObject({ ok: true, events: 2 });
    // The gate is closed again.
    await expect(db.deleteFrom("audit_events").where("account_id", "=", account).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});
