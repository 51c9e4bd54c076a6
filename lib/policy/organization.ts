import "server-only";
import { readOrganization, type OrganizationView } from "@/lib/cloud/organizations";
import type { Scope } from "@/lib/cloud/ims";
import type { PolicyWorld } from "./evaluate";

/** Organizations changes seldom: one read per account every few minutes is enough for every plan. */
const TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; view: Promise<OrganizationView | undefined> }>();

/** What the policy knows of the organization an outcome of `readOrganization`: its id, accounts and units. */
export type OrganizationRead =
  { state: "none" } | { state: "read"; view: OrganizationView } | { state: "unreadable"; code: string };

/**
 * The account's organization, read once per account every few minutes. A failure is not cached and
 * not thrown: the organization rule then allows nothing, and the settings page says why.
 */
export async function organizationOf(scope: Scope, accountId: string, now = Date.now()): Promise<OrganizationRead> {
  const hit = cache.get(accountId);
  const entry = hit && now - hit.at < TTL_MS ? hit : { at: now, view: readOrganization(scope) };
  cache.set(accountId, entry);
  try {
    const view = await entry.view;
    return view ? { state: "read", view } : { state: "none" };
  } catch (e) {
    cache.delete(accountId);
    const code = (e as { code?: string }).code ?? "internal";
    return { state: "unreadable", code };
  }
}

/** The organization as the policy's world takes it. */
export function worldOrganization(read: OrganizationRead): PolicyWorld["organization"] {
  if (read.state !== "read") return undefined;
  return {
    id: read.view.id,
    accountIds: new Set(read.view.accounts.map((a) => a.id)),
    unitIds: new Set(read.view.units.map((u) => u.id)),
  };
}
