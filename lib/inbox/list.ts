import "server-only";
import { z } from "zod";
import type { Scope } from "@/lib/cloud/ims";
import type { Image, Member } from "@/lib/cloud/schemas/ims";
import { HEX32 } from "@/lib/ids";
import { mapPool } from "@/lib/sharing/pool";
import { listSharedImages, showOwnMembership } from "@/lib/sharing/recipient";
import { kindOf, type ImageKind } from "@/lib/sharing/shareability";
import { filterRefused, markWhole, trustedWholeIds } from "@/lib/sharing/whole";

export const TABS = ["pending", "accepted", "rejected"] as const;
export type Tab = (typeof TABS)[number];

/** The inbox's state, in the URL. */
export const inboxQuery = z.object({
  tab: z.enum(TABS).default("pending").catch("pending"),
  q: z.string().trim().max(100).optional().catch(undefined),
  owner: z.string().trim().regex(HEX32).optional().catch(undefined),
  type: z.enum(["system", "data", "whole"]).optional().catch(undefined),
  /** Shared at least this many days ago. */
  age: z.coerce
    .number()
    .int()
    .refine((n) => [1, 7, 30].includes(n))
    .optional()
    .catch(undefined),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export interface InboxRow {
  image: Image;
  kind: ImageKind;
  /** The membership through which this project sees the image (its own, or its account's or OU's). */
  membership?: Member;
  /** A full-ECS image made from a CBR backup: accepting it needs a server-backup vault. */
  needsVault: boolean;
  /** IMS did not say whether it is full-ECS: accepting offers a vault, not required. */
  mayNeedVault: boolean;
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
 * state (the recipient's documented list, `visibility=shared&member_status=…`), each with its own
 * membership (`GET /v2/images/{id}/members/{own project}`, for the shared date) and its kind (one
 * `__whole_image=true` list of the tab), filtered as the URL says.
 */
export async function loadInbox(scope: Scope, q: InboxQuery, now = Date.now()) {
  const [lists, wholeAnswer] = await Promise.all([
    Promise.all(TABS.map((t) => listSharedImages(scope, t))),
    listSharedImages(scope, q.tab, { __whole_image: "true" }).catch(filterRefused),
  ]);
  const counts = Object.fromEntries(TABS.map((t, i) => [t, lists[i].images.length])) as Record<Tab, number>;
  const current = lists[TABS.indexOf(q.tab)];
  const whole = wholeAnswer && !wholeAnswer.truncated ? trustedWholeIds(wholeAnswer.images) : undefined;
  const rows = await mapPool(markWhole(current.images, whole), 50, async (image): Promise<InboxRow> => {
    const membership = (await showOwnMembership(scope, image.id).catch(() => null)) ?? undefined;
    const kind = kindOf(image);
    return {
      image,
      kind,
      membership,
      needsVault: kind === "whole" && Boolean(image.__backup_id),
      mayNeedVault: kind === "unknown",
    };
  });
  const sorted = rows.sort((a, b) => (b.membership?.created_at ?? "").localeCompare(a.membership?.created_at ?? ""));
  return { counts, rows: sorted.filter((r) => keep(r, q, now)), truncated: current.truncated };
}
