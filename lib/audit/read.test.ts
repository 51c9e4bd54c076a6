import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/connect";
import { backends } from "@/lib/db/testing";
import type { Database } from "@/lib/db/types";
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/messages";
import { HISTORY_CSV_COLUMNS, historyCsvLines, historyJsonChunks } from "./export";
import { filterParams, historyFilterSchema, type HistoryFilter } from "./filter";
import { verifyChain } from "./chain";
import { activityByDay, getEvent, listEvents, streamEvents, type HistoryEvent, type ResolvedFilter } from "./read";
import { tamper } from "./testing";
import { writeAuditEvent, type AuditActor } from "./writer";

const DAY = 86_400_000;
const T0 = Date.parse("2026-11-01T00:00:00Z");

const actor = (accountId: string, projectId: string, userName: string): AuditActor => ({
  userId: `u-${userName}`,
  userName,
  accountId,
  accountName: accountId,
  projectId,
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
});

const f = (raw: Record<string, unknown> = {}): HistoryFilter => historyFilterSchema.parse(raw);
const scope = { accountId: "acme", projectId: "p1" };

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe.each(backends)("history reads on $name", (backend) => {
  let db: Kysely<Database>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    await migrate(db);
    // 40 events of acme/p1 over 20 days, two per day, alternating users, images and actions.
    for (let i = 0; i < 40; i++) {
      const user = i % 2 ? "bruno" : "alice";
      await writeAuditEvent(db, {
        actor: actor("acme", "p1", user),
        action: i % 4 === 0 ? "share" : i % 4 === 1 ? "unshare" : i % 4 === 2 ? "accept" : "batch_finished",
        outcome: i % 5 === 0 ? "failed" : "succeeded",
        images: [`img-${i % 3}`],
        targets: [`proj-${i % 2}`],
        pairs: [{ image: `img-${i % 3}`, target: `proj-${i % 2}`, outcome: i % 5 === 0 ? "failed" : "succeeded" }],
        input: i % 4 === 3 ? { batchId: "batch-1" } : {},
        error: i % 5 === 0 ? { code: "IMG.0112", message: "Quota 100% used_up" } : undefined,
        occurredAt: T0 + Math.floor(i / 2) * DAY + (i % 2) * 1000,
      });
    }
    // Same instant twice: the keyset must still page through both.
    for (const user of ["alice", "alice"])
      await writeAuditEvent(db, {
        actor: actor("acme", "p1", user),
        action: "signed_in",
        outcome: "succeeded",
        occurredAt: T0 + 30 * DAY,
      });
    // Another project of acme, and another account, with the same image id.
    await writeAuditEvent(db, {
      actor: actor("acme", "p2", "alice"),
      action: "share",
      outcome: "succeeded",
      images: ["img-0"],
      occurredAt: T0 + DAY,
    });
    await writeAuditEvent(db, {
      actor: actor("globex", "p1", "bob"),
      action: "share",
      outcome: "succeeded",
      images: ["img-0"],
      occurredAt: T0 + DAY,
    });
  });
  afterAll(async () => {
    await db.destroy();
    await cleanup();
  });

  const all = (filter: ResolvedFilter) => collect(streamEvents(db, scope, filter, 7));

  it("pages newest first by keyset through every event of the scope, and only those", async () => {
    const seen: HistoryEvent[] = [];
    let cursor;
    do {
      const page = await listEvents(db, scope, f({ sessions: "1" }), { cursor, limit: 5 });
      seen.push(...page.events);
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(42);
    expect(new Set(seen.map((e) => e.id)).size).toBe(42);
    expect(seen.every((e) => e.accountId === "acme" && e.projectId === "p1")).toBe(true);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1], seen[i]];
      expect(a.occurredAt > b.occurredAt || (a.occurredAt === b.occurredAt && a.seq > b.seq)).toBe(true);
    }
    expect(seen[0]).toMatchObject({ action: "signed_in", source: "console" });
  });

  it("leaves sign-ins out unless sessions=1 or the action filter names them, in pages and exports alike", async () => {
    expect(await all(f())).toHaveLength(40);
    expect((await all(f())).some((e) => e.action === "signed_in")).toBe(false);
    expect(await all(f({ sessions: "1" }))).toHaveLength(42);
    expect(await all(f({ action: "signed_in" }))).toHaveLength(2);
    expect(filterParams(f({ sessions: "1" })).toString()).toBe("sessions=1");
    expect(filterParams(f({ sessions: "0" })).toString()).toBe("");
  });

  it("filters by image, member, batch, user, action, outcome, time and text, alone and together", async () => {
    const byImage = await all(f({ image: "img-0" }));
    expect(byImage.map((e) => e.images[0])).toEqual(Array(14).fill("img-0"));
    expect(await all(f({ member: "proj-1" }))).toHaveLength(20);
    expect((await all(f({ batch: "batch-1" }))).every((e) => e.action === "batch_finished")).toBe(true);
    expect(await all(f({ batch: "batch-1" }))).toHaveLength(10);
    expect(await all(f({ user: "bruno" }))).toHaveLength(20);
    expect(await all(f({ action: ["share", "unshare"] }))).toHaveLength(20);
    expect(await all(f({ outcome: "failed" }))).toHaveLength(8);
    expect(await all(f({ source: "cts" }))).toHaveLength(0);
    expect(await all(f({ from: "2026-11-03", to: "2026-11-04" }))).toHaveLength(4);
    const combined = await all(f({ image: "img-0", member: "proj-0", user: "alice", action: "share" }));
    expect(combined.length).toBeGreaterThan(0);
    expect(
      combined.every(
        (e) => e.images[0] === "img-0" && e.targets[0] === "proj-0" && e.userName === "alice" && e.action === "share",
      ),
    ).toBe(true);
    // Free text, case-insensitive, with LIKE's wildcards taken literally.
    expect(await all(f({ q: "img.0112" }))).toHaveLength(8);
    expect(await all(f({ q: "100%" }))).toHaveLength(8);
    expect(await all(f({ q: "used_up" }))).toHaveLength(8);
    expect(await all(f({ q: "100%_" }))).toHaveLength(0);
  });

  it("keeps other accounts and projects out of every read", async () => {
    const other = await db
      .selectFrom("audit_events")
      .select("id")
      .where("account_id", "=", "globex")
      .executeTakeFirstOrThrow();
    expect(await getEvent(db, other.id, scope)).toBeUndefined();
    expect(await getEvent(db, other.id, { accountId: "globex", projectId: "p1" })).toMatchObject({
      userName: "bob",
      images: ["img-0"],
    });
    const p2 = await db
      .selectFrom("audit_events")
      .select("id")
      .where("project_id", "=", "p2")
      .executeTakeFirstOrThrow();
    expect(await getEvent(db, p2.id, scope)).toBeUndefined();
    expect(await all(f({ image: "img-0", user: "bob" }))).toHaveLength(0);
  });

  it("counts events per day and action over the filter's range", async () => {
    const days = await activityByDay(db, scope, f({ from: "2026-11-01", to: "2026-11-10" }));
    expect(days).toHaveLength(10);
    expect(days[0]).toEqual({ day: T0, counts: { share: 1, unshare: 1 } });
    expect(days[1].counts).toEqual({ accept: 1, batch_finished: 1 });
    const last30 = await activityByDay(db, scope, f({ action: "signed_in" }), { now: T0 + 30 * DAY });
    expect(last30).toHaveLength(30);
    expect(last30.at(-1)?.counts).toEqual({ signed_in: 2 });
    expect(last30.slice(0, -1).every((d) => Object.keys(d.counts).length === 0)).toBe(true);
  });

  it("exports the same rows as the filtered list, with the filter recorded first", async () => {
    const filter = f({ image: "img-1", action: ["share", "accept"] });
    const rows = await all(filter);
    const header = { filter, accountId: "acme", projectId: "p1", exportedAt: "2026-11-22T00:00:00.000Z" };
    const csv = (await collect(historyCsvLines(header, streamEvents(db, scope, filter, 3)))).join("");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "# filter: image=img-1&action=share&action=accept; project: p1; exported_at: 2026-11-22T00:00:00.000Z",
    );
    expect(lines[1]).toMatch(/^occurred_at,id,seq,/);
    expect(lines.slice(2).map((l) => l.split(",")[1])).toEqual(rows.map((e) => e.id));
    const json = JSON.parse((await collect(historyJsonChunks(header, streamEvents(db, scope, filter, 3)))).join(""));
    expect(json.filter).toEqual({ image: "img-1", action: ["share", "accept"] });
    expect(json.events.map((e: HistoryEvent) => e.id)).toEqual(rows.map((e) => e.id));
  });

  it("reads the events of any of several resolved ids, and exports each target's name beside its id", async () => {
    const both = await all({ ...f({ member: "Globex" }), refsAnyOf: { member: ["proj-0", "proj-1"] } });
    expect(both).toHaveLength((await all(f())).filter((e) => e.targets.length).length);
    const one = await all({ ...f({ image: "img-1" }), refsAnyOf: { member: ["proj-1"] } });
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((e) => e.targets.includes("proj-1") && e.images.includes("img-1"))).toBe(true);
    const filter = f({ member: "proj-1" });
    const header = { filter, accountId: "acme", projectId: "p1", exportedAt: "2026-11-22T00:00:00.000Z" };
    const csv = (await collect(historyCsvLines(header, streamEvents(db, scope, filter), { "proj-1": "Globex" }))).join(
      "",
    );
    const [, columns, first] = csv.trimEnd().split("\r\n");
    expect(columns).toContain(",targets,target_names,");
    expect(first).toContain(",proj-1,Globex,");
  });

  it("names the CSV's columns and first line in the reader's language and leaves the rows as they are", async () => {
    const filter = f({ member: "proj-1" });
    const header = { filter, accountId: "acme", projectId: "p1", exportedAt: "2026-11-22T00:00:00.000Z" };
    const lines = async (t?: typeof en) =>
      (
        await collect(
          t
            ? historyCsvLines(
                header,
                streamEvents(db, scope, filter),
                {},
                (c) => t(`csv.${c}`),
                ({ filter, ...rest }) => t("csvPreamble", { filter: filter || t("csvNoFilter"), ...rest }),
              )
            : historyCsvLines(header, streamEvents(db, scope, filter)),
        )
      )
        .join("")
        .split("\r\n");
    const zh = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"], namespace: "history" });
    const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "history" });
    const [english, chinese] = [await lines(en), await lines(zh)];
    expect(english).toEqual(await lines());
    expect(chinese[0]).toBe("# 筛选条件：member=proj-1；项目：p1；导出时间：2026-11-22T00:00:00.000Z");
    expect(chinese[1]).toMatch(/^时间,事件 ID,序号,账号,用户,项目,操作,/);
    expect(chinese[1].split(",")).toHaveLength(HISTORY_CSV_COLUMNS.length);
    expect(chinese.slice(2)).toEqual(english.slice(2));
  });

  // Last: it breaks acme's chain on purpose.
  it("an altered row is the one Verify names, and its link opens that event", async () => {
    expect(await verifyChain(db, "acme")).toMatchObject({ ok: true, events: 43 });
    const [victim] = await listEvents(db, scope, f({ user: "bruno", action: "unshare" }), { limit: 1 }).then(
      (p) => p.events,
    );
    await tamper(db, () =>
      db.updateTable("audit_events").set({ outcome: "failed" }).where("id", "=", victim.id).execute(),
    );
    const report = await verifyChain(db, "acme");
    expect(report).toMatchObject({
      ok: false,
      firstBreak: { id: victim.id, seq: victim.seq, problem: { key: "history.verify.problems.altered" } },
    });
    expect(await getEvent(db, report.firstBreak?.id ?? "", scope)).toMatchObject({ id: victim.id, outcome: "failed" });
  });
});
