import "server-only";
import { getDb } from "@/lib/db";
import { parseText, sayStored, type RootTranslator } from "@/lib/i18n/text";
import { renewalsOf } from "@/lib/policy/approvals";
import { activeLeases, leasesForRecipient, type LeaseRow } from "./leases";

/** The image's active leases by member id. */
export async function memberLeases(projectId: string, imageId: string): Promise<Map<string, LeaseRow>> {
  const rows = await activeLeases(await getDb(), projectId, [imageId]);
  return new Map(rows.map((l) => [l.member_id, l]));
}

/** A lease as a member row shows it: its end, who set it, and why it waits (in the reader's language). */
export function leaseView(t: RootTranslator, lease: LeaseRow | undefined) {
  if (!lease) return undefined;
  const note = lease.status_message ? sayStored(t, parseText(lease.status_message), null) : undefined;
  return { endsAt: Number(lease.ends_at), setBy: lease.set_by_name, ...(note && { note }) };
}

/** The end dates of shares to this project (its account's too) by image, with the latest request for more time. */
export async function recipientLeases(
  session: { projectId: string; accountId: string },
  imageIds: string[],
): Promise<Map<string, { id: string; endsAt: number; renewal?: { status: string; until: number } }>> {
  const db = await getDb();
  const leases = await leasesForRecipient(db, session, imageIds);
  if (leases.length === 0) return new Map();
  const renewals = await renewalsOf(db, session.accountId);
  return new Map(
    leases
      .filter((l) => l.account_id !== session.accountId)
      .map((l) => {
        const r = renewals.get(l.id);
        const renewal = r?.plan.renewal ? { status: r.status, until: r.plan.renewal.until } : undefined;
        return [l.image_id, { id: l.id, endsAt: Number(l.ends_at), ...(renewal && { renewal }) }];
      }),
  );
}
