import "server-only";
import { z } from "zod";
import { listImageMembers, listImages, type Scope } from "@/lib/cloud/ims";
import type { Image, Member } from "@/lib/cloud/schemas/ims";
import { mapPool } from "@/lib/sharing/pool";
import { kindOf, type ImageKind } from "@/lib/sharing/shareability";

export const TABS = ["pending", "accepted", "rejected"] as const;
export type Tab = (typeof TABS)[number];

/** The inbox's state, in the URL. */
export const inboxQuery = z.object({
  tab: z.enum(TABS).default("pending").catch("pending"),
  q: z.string().trim().max(100).optional().catch(undefined),
  owner: z.string().trim().regex(/^[0-9a-f]{32}$/).optional().catch(undefined),
  type: z.enum(["system", "data", "whole"]).optional().catch(undefined),
  /** Shared at least this many days ago. */
  age: z.coerce.number().int().refine((n) => [1, 7, 30].includes(n)).optional().catch(undefined),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

/** Shared-with-me lists are short; past this many images the inbox says it shows the first ones. */
const MAX_IMAGES = 2_000;

export interface InboxRow {
  image: Image;
  kind: ImageKind;
  /** The membership through which this project sees the image (its own, or its account's or OU's). */
  membership?: Member;
  /** A full-ECS image made from a CBR backup: accepting it needs a server-backup vault. */
  needsVault: boolean;
}

async function listShared(scope: Scope, status: Tab): Promise<{ images: Image[]; truncated: boolean }> {
  const images: Image[] = [];
  let marker: string | undefined;
  while (images.length < MAX_IMAGES) {
    const page = await listImages(scope, { visibility: "shared", member_status: status, limit: 500, marker });
    images.push(...page);
    if (page.length < 500) return { images, truncated: false };
    marker = page[page.length - 1].id;
  }
  return { images, truncated: true };
}

function keep(row: InboxRow, q: InboxQuery, now: number): boolean {
  if (q.q && !row.image.name.toLowerCase().includes(q.q.toLowerCase()) && row.image.id !== q.q) return false;
  if (q.owner && row.image.owner !== q.owner) return false;
  if (q.type && row.kind !== q.type) return false;
  if (q.age && (!row.membership || now - Date.parse(row.membership.created_at) < q.age * 86_400_000)) return false;
  return true;
}

/**
 * The three tabs' counts and the rows of the open one: IMS images shared with the project in that
 * state, each with its membership (for the shared date), filtered as the URL says.
 */
export async function loadInbox(scope: Scope, q: InboxQuery, now = Date.now()) {
  const lists = await Promise.all(TABS.map((t) => listShared(scope, t)));
  const counts = Object.fromEntries(TABS.map((t, i) => [t, lists[i].images.length])) as Record<Tab, number>;
  const current = lists[TABS.indexOf(q.tab)];
  const rows = await mapPool(current.images, 50, async (image): Promise<InboxRow> => {
    const [membership] = await listImageMembers(scope, image.id).catch(() => []);
    const kind = kindOf(image);
    return { image, kind, membership, needsVault: kind === "whole" && Boolean(image.__backup_id) };
  });
  const sorted = rows.sort((a, b) => (b.membership?.created_at ?? "").localeCompare(a.membership?.created_at ?? ""));
  return { counts, rows: sorted.filter((r) => keep(r, q, now)), truncated: current.truncated };
}
