import "server-only";
import { readOrganization, type OrganizationView } from "@/lib/cloud/organizations";
import type { Scope } from "@/lib/cloud/ims";
import type { PolicyWorld } from "./evaluate";

/** Organizations changes seldom: one read per account every few minutes is enough for every plan. */
const TTL_MS = 5 * 60_000;
/** A refusal is asked again sooner, but not on every plan: a cloud that refuses keeps refusing for a while. */
const FAILED_TTL_MS = 60_000;
const cache = new Map<string, { at: number; ttl: number; read: Promise<OrganizationRead> }>();

/** What the policy knows of the account's organization: none, what `readOrganization` read, or why it could not. */
export type OrganizationRead =
  { state: "none" } | { state: "read"; view: OrganizationView } | { state: "unreadable"; code: string };

async function read(scope: Scope): Promise<OrganizationRead> {
  try {
    const view = await readOrganization(scope);
    return view ? { state: "read", view } : { state: "none" };
  } catch (e) {
    return { state: "unreadable", code: (e as { code?: string }).code ?? "internal" };
  }
}

/**
 * The account's organization, read once per account every few minutes (a refusal every minute), and
 * never thrown: while it cannot be read the organization rule allows nothing, and the settings page
 * says why. Every plan asks, so this is what keeps plans from reading Organizations each time.
 */
export async function organizationOf(scope: Scope, accountId: string, now = Date.now()): Promise<OrganizationRead> {
  const hit = cache.get(accountId);
  if (hit && now - hit.at < hit.ttl) return hit.read;
  const entry = { at: now, ttl: TTL_MS, read: read(scope) };
  cache.set(accountId, entry);
  const outcome = await entry.read;
  if (outcome.state === "unreadable") entry.ttl = FAILED_TTL_MS;
  return outcome;
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
