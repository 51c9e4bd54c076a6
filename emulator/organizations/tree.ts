import type { Emu } from "../core/context";
import { isoSeconds } from "../core/time";
import type { Organization, OrgUnit } from "../store/types";

/**
 * Organizations' wire objects (the SDK's OrganizationDto, RootDto, OrganizationalUnitDto, AccountDto)
 * built from the world's organizations, and who sits under which parent.
 */

/**
 * [INFERRED] The world keeps no root: each organization has one, `r-` and the organization's own
 * suffix (the documented pattern is `r-` and 4 to 32 lowercase letters or digits).
 */
export function rootIdOf(org: Organization): string {
  return `r-${org.id.slice(2)}`;
}

/**
 * URNs name the management account and the organization. The account form is Huawei's own example
 * (`organizations::<management>:account:o-…/<account id>`), the unit and organization forms are those
 * IMS members carry (`lib/ids.ts`, `store/world.ts`); [INFERRED] the root's follows the same pattern.
 */
function urn(org: Organization, kind: "organization" | "root" | "ou" | "account", id?: string): string {
  return `organizations::${org.ownerDomainId}:${kind}:${org.id}${id ? `/${id}` : ""}`;
}

const createdAt = (org: Organization) => isoSeconds(org.createdAt ?? 0);

export function organizationBody(emu: Emu, org: Organization) {
  return {
    id: org.id,
    urn: urn(org, "organization"),
    management_account_id: org.ownerDomainId,
    management_account_name: emu.world.accounts.get(org.ownerDomainId)?.name ?? org.ownerDomainId,
    created_at: createdAt(org),
  };
}

/** [INFERRED] The root is named `Root`, as Huawei's console shows it; no policy type is enabled. */
export function rootBody(org: Organization) {
  const id = rootIdOf(org);
  return { id, urn: urn(org, "root", id), name: "Root", policy_types: [], created_at: createdAt(org) };
}

export function unitBody(org: Organization, unit: OrgUnit) {
  return {
    id: unit.id,
    urn: urn(org, "ou", unit.id),
    name: unit.name ?? unit.id.replace(/^ou-/, ""),
    created_at: createdAt(org),
  };
}

/** [INFERRED] Every account joined by invitation, active, on the day the organization was created. */
export function accountBody(emu: Emu, org: Organization, domainId: string) {
  return {
    id: domainId,
    urn: urn(org, "account", domainId),
    join_method: "invited",
    status: "active",
    joined_at: createdAt(org),
    name: emu.world.accounts.get(domainId)?.name ?? domainId,
  };
}

/** The units directly under a parent (the root or a unit); every unit when no parent is given. */
export function unitsUnder(org: Organization, parentId?: string): OrgUnit[] {
  if (parentId === undefined) return org.units;
  const underRoot = parentId === rootIdOf(org);
  return org.units.filter((u) => (underRoot ? u.parentId === undefined : u.parentId === parentId));
}

/**
 * The accounts directly under a parent; every account of the organization when no parent is given.
 * The management account sits under the root, as does any account in no unit.
 */
export function accountsUnder(org: Organization, parentId?: string): string[] {
  const inUnits = org.units.flatMap((u) => u.domainIds);
  if (parentId === undefined) return [...new Set([org.ownerDomainId, ...inUnits])];
  if (parentId === rootIdOf(org)) return inUnits.includes(org.ownerDomainId) ? [] : [org.ownerDomainId];
  return org.units.find((u) => u.id === parentId)?.domainIds ?? [];
}

/** Whether an id names the organization's root or one of its units. */
export function isParent(org: Organization, id: string): boolean {
  return id === rootIdOf(org) || org.units.some((u) => u.id === id);
}
