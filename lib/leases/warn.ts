import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import { text } from "@/lib/i18n/text";
import { enqueue, hasChannels, readSettings } from "@/lib/notify/store";

/** The furthest ahead any account can ask to be warned (the settings allow 30 days). */
const MAX_WARN_MS = 30 * 86_400_000;
/** An end this close is not announced as coming: its end is announced within the minute anyway. */
const TOO_CLOSE_MS = 60_000;

/**
 * Announces shares that end soon (`lease.ending`), once per end date: leases within their account's
 * warning time are marked warned for their end, and the notice is written in the same transaction.
 * An end date moved later is announced again when its time comes; one less than a minute away is not
 * announced as coming, since its end is.
 */
export async function warnEnding(db: Kysely<Database>, now: number): Promise<number> {
  const rows = await db
    .selectFrom("share_leases")
    .select(["id", "account_id", "account_name", "project_id", "project_name", "region", "image_id", "image_name"])
    .select(["ends_at", "set_by_name", "service"])
    .where("status", "=", "active")
    .where("ends_at", ">", now + TOO_CLOSE_MS)
    .where("ends_at", "<=", now + MAX_WARN_MS)
    .where((eb) => eb.or([eb("warned_for", "is", null), eb("warned_for", "!=", eb.ref("ends_at"))]))
    .limit(2_000)
    .execute();
  if (rows.length === 0) return 0;
  // An account that sends notices nowhere is not marked warned: once it adds a channel, it is warned.
  const warnMs = new Map<string, number>();
  for (const account of new Set(rows.map((r) => r.account_id))) {
    const { settings } = await readSettings(db, account);
    if (settings.events["lease.ending"] && (await hasChannels(db, account)))
      warnMs.set(account, settings.leaseWarnDays * 86_400_000);
  }
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const ahead = warnMs.get(r.account_id);
    if (ahead === undefined || Number(r.ends_at) > now + ahead) continue;
    const k = `${r.project_id}|${r.image_id}|${r.ends_at}|${r.set_by_name}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  let warned = 0;
  for (const group of groups.values()) {
    const l = group[0];
    warned += await db.transaction().execute(async (tx) => {
      const marked = await tx
        .updateTable("share_leases")
        .set({ warned_for: l.ends_at })
        .where(
          "id",
          "in",
          group.map((g) => g.id),
        )
        .where("status", "=", "active")
        .where("ends_at", "=", l.ends_at)
        .where((eb) => eb.or([eb("warned_for", "is", null), eb("warned_for", "!=", l.ends_at)]))
        .returning("id")
        .execute();
      if (marked.length === 0) return 0;
      await enqueue(tx, {
        type: "lease.ending",
        accountId: l.account_id,
        accountName: l.account_name,
        project: { id: l.project_id, name: l.project_name, region: l.region },
        title: text("notify.events.leaseEnding.title"),
        text: text("notify.events.leaseEnding.text", {
          image: l.image_name,
          count: marked.length,
          when: Number(l.ends_at),
          user: l.set_by_name,
        }),
        link: l.service === "cph" ? `/phones/${l.image_id}` : `/images/${l.image_id}`,
        data: { image: l.image_id, endsAt: new Date(Number(l.ends_at)).toISOString(), members: marked.length },
        occurredAt: now,
      });
      return marked.length;
    });
  }
  return warned;
}
