import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { ALICE_ACTOR, ALICE_PAGE_SESSION } from "@/lib/audit/testing";
import { writeAuditEvent } from "@/lib/audit/writer";
import type { StoredSession } from "@/lib/auth/session-store";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { setLeases } from "@/lib/sharing/leases";
import { activityTile } from "./activity";
import { TILE_LINKS, windowStart, windowStartDay } from "./links";
import { ctsTile, leasesTile, outsideTile } from "./records";

const DAY = 86_400_000;
/** 2027-01-15 10:00 UTC. */
const NOW = Date.parse("2027-01-15T10:00:00Z");
const actor = ALICE_ACTOR;
const session = { ...ALICE_PAGE_SESSION } as StoredSession;

describe("the overview's window", () => {
  it("starts at the first UTC day of the last 7, as History's `from` takes it, and links with it", () => {
    expect(windowStartDay(NOW)).toBe("2027-01-09");
    expect(windowStart(NOW)).toBe(Date.parse("2027-01-09T00:00:00Z"));
    expect(TILE_LINKS.outside(windowStartDay(NOW))).toBe("/history?source=cts&from=2027-01-09");
  });
});

describe.each(backends)("the overview's reads on $name", (backend) => {
  let db: Kysely<Database>;
  onMigratedDatabase(backend, (opened) => (db = opened));

  const event = (
    action: string,
    source: "console" | "cts" | "lease" | "api",
    occurredAt: number,
    projectId = actor.projectId,
  ) =>
    writeAuditEvent(db, {
      actor: { ...actor, projectId },
      action,
      source,
      outcome: "succeeded",
      occurredAt,
      images: ["img-1"],
      targets: [`t-${occurredAt}`],
    });

  it("counts the month's shares, unshares, accepts and rejects per day by source; a lease's end is an unshare", async () => {
    await event("share", "console", NOW - 2 * DAY);
    await event("share", "console", NOW - 2 * DAY + 1_000);
    await event("share", "cts", NOW);
    await event("lease_ended", "lease", NOW);
    await event("accept", "api", NOW - 29 * DAY);
    // Not counted: older than 30 days, another project, an action that is not a share's.
    await event("share", "console", NOW - 30 * DAY);
    await event("share", "console", NOW, "p2");
    await event("signed_in", "console", NOW);
    const { days } = await activityTile(db, session, NOW);
    expect(days).toHaveLength(30);
    expect(days[0].day).toBe(Date.parse("2026-12-17T00:00:00Z"));
    expect(days[0].counts).toEqual({ api: { accept: 1 } });
    expect(days[27].counts).toEqual({ console: { share: 2 } });
    expect(days[29].counts).toEqual({ cts: { share: 1 }, lease: { unshare: 1 } });
    expect(days.slice(1, 27).every((d) => Object.keys(d.counts).length === 0)).toBe(true);
  });

  it("lists CTS changes from the window's first day, those outside the policy first, then the newest", async () => {
    // A project of its own: the chart's test wrote CTS events to alice's.
    const session = { ...actor, projectId: "p-outside" } as StoredSession;
    const event = (action: string, source: "console" | "cts", at: number) =>
      writeAuditEvent(db, { actor: session, action, source, outcome: "succeeded", occurredAt: at, targets: ["t"] });
    const before = await event("share", "cts", windowStart(NOW) - 1);
    const first = await event("share", "cts", windowStart(NOW));
    const newest = await event("unshare", "cts", NOW - 1_000);
    const outside = await event("share", "cts", NOW - DAY);
    await event("share", "console", NOW);
    const asked: string[][] = [];
    const tile = await outsideTile(db, session, NOW, async (events) => {
      asked.push(events.map((e) => e.id));
      return new Set([outside]);
    });
    expect(tile).toMatchObject({ count: 3, outsidePolicy: 1, from: "2027-01-09" });
    expect(tile.items.map((i) => [i.id, i.outsidePolicy])).toEqual([
      [outside, true],
      [newest, false],
      [first, false],
    ]);
    expect(asked[0]).not.toContain(before);
  });

  it("lists the shares that end within 7 days, the soonest first, or past their end and not yet removed", async () => {
    const member = (imageId: string, memberId: string) => ({
      imageId,
      imageName: imageId,
      memberId,
      targetKind: "project",
      target: memberId,
    });
    await setLeases(db, "ims", [member("later", "m1")], NOW + 8 * DAY, actor, NOW);
    await setLeases(db, "ims", [member("soon", "m1")], NOW + DAY, actor, NOW);
    await setLeases(db, "cph", [member("due", "m2")], NOW - 1_000, actor, NOW);
    await setLeases(db, "ims", [member("other", "m1")], NOW + DAY, { ...actor, projectId: "p2" }, NOW);
    const tile = await leasesTile(db, session, NOW);
    expect(tile.count).toBe(2);
    expect(tile.items.map((i) => [i.imageId, i.service])).toEqual([
      ["due", "cph"],
      ["soon", "ims"],
    ]);
  });

  it("calls the CTS import overdue when a scheduled run was missed, the last failed, or CTS's 7 days outrun it", async () => {
    const HOUR = 3_600_000;
    const run = async (values: { started_at: number; status?: string; covered_to?: number | null }) => {
      await db.deleteFrom("cts_imports").execute();
      await db
        .insertInto("cts_imports")
        .values({
          account_id: actor.accountId,
          project_id: actor.projectId,
          project_name: "ap-southeast-1",
          region: "ap-southeast-1",
          status: values.status ?? "succeeded",
          trigger: "schedule",
          imported: 2,
          known: 1,
          lease_until: 0,
          started_at: values.started_at,
          covered_to: values.covered_to === undefined ? values.started_at : values.covered_to,
        })
        .execute();
      return ctsTile(db, session, NOW, HOUR);
    };
    // Never imported: the schedule will; only without one is it overdue.
    expect((await ctsTile(db, session, NOW, HOUR)).overdue).toBe(false);
    expect((await ctsTile(db, session, NOW, 0)).overdue).toBe(true);
    expect(await run({ started_at: NOW - HOUR / 2 })).toMatchObject({
      overdue: false,
      nextAt: NOW + HOUR / 2,
      last: { imported: 2, known: 1, status: "succeeded" },
    });
    expect((await run({ started_at: NOW - 3 * HOUR })).overdue).toBe(true);
    expect((await run({ started_at: NOW - HOUR / 2, status: "failed" })).overdue).toBe(true);
    expect((await run({ started_at: NOW - HOUR / 2, covered_to: NOW - 8 * DAY })).overdue).toBe(true);
  });
});
