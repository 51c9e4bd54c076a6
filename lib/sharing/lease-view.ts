import "server-only";
import { getDb } from "@/lib/db";
import { parseText, sayStored, type RootTranslator } from "@/lib/i18n/text";
import { activeLeases, type LeaseRow } from "./leases";

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
