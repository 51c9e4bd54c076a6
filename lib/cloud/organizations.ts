import "server-only";
import { CloudError } from "./errors";
import type { Scope } from "./ims";
import { cloudRequest } from "./request";
import {
  accountListSchema,
  organizationalUnitListSchema,
  rootListSchema,
  showOrganizationSchema,
  type Organization,
  type OrganizationAccount,
  type OrganizationalUnit,
  type OrganizationRoot,
} from "./schemas/organizations";

/**
 * Organizations is global: the region only fills CLOUD_ENDPOINT when ORGANIZATIONS_ENDPOINT is unset,
 * and any token of the account will do, so a session's `Scope` fits as it is.
 */
export type OrganizationsScope = Pick<Scope, "token" | "region">;

export interface OrganizationsPageQuery {
  /** 1 to 2000; the cloud's default is 200. */
  limit?: number;
  /** The previous page's `marker`. */
  marker?: string;
}

export interface OrganizationsChildrenQuery extends OrganizationsPageQuery {
  /** A root (`r-…`) or unit (`ou-…`): only what sits directly under it. Without it, the whole organization. */
  parent_id?: string;
}

/** One page and the marker of the next; `marker` is undefined on the last page. */
export type OrganizationsPage<K extends string, T> = { [key in K]: T[] } & { marker?: string };

const get = (scope: OrganizationsScope) => ({
  service: "organizations" as const,
  region: scope.region,
  token: scope.token,
  method: "GET" as const,
});

/** `GET /v1/organizations`: the caller's organization; any account of it may ask. */
export async function showOrganization(scope: OrganizationsScope): Promise<Organization> {
  const res = await cloudRequest({ ...get(scope), path: "/v1/organizations", output: showOrganizationSchema });
  return res.data.organization;
}

/** `GET /v1/organizations/roots`: the organization's roots (its management account only). */
export async function listRoots(
  scope: OrganizationsScope,
  query: OrganizationsPageQuery = {},
): Promise<OrganizationsPage<"roots", OrganizationRoot>> {
  const res = await cloudRequest({
    ...get(scope),
    path: "/v1/organizations/roots",
    query: { ...query },
    output: rootListSchema,
  });
  return { roots: res.data.roots, marker: res.data.page_info?.next_marker || undefined };
}

/** `GET /v1/organizations/organizational-units`: units under a parent, or all (the management account only). */
export async function listOrganizationalUnits(
  scope: OrganizationsScope,
  query: OrganizationsChildrenQuery = {},
): Promise<OrganizationsPage<"organizationalUnits", OrganizationalUnit>> {
  const res = await cloudRequest({
    ...get(scope),
    path: "/v1/organizations/organizational-units",
    query: { ...query },
    output: organizationalUnitListSchema,
  });
  return { organizationalUnits: res.data.organizational_units, marker: res.data.page_info?.next_marker || undefined };
}

/** `GET /v1/organizations/accounts`: accounts under a parent, or all (the management account only). */
export async function listAccounts(
  scope: OrganizationsScope,
  query: OrganizationsChildrenQuery = {},
): Promise<OrganizationsPage<"accounts", OrganizationAccount>> {
  const res = await cloudRequest({
    ...get(scope),
    path: "/v1/organizations/accounts",
    query: { ...query },
    output: accountListSchema,
  });
  return { accounts: res.data.accounts, marker: res.data.page_info?.next_marker || undefined };
}

/**
 * Organizations' own refusals. Huawei's error table answers them 401 (403 is accepted too); as 401s
 * they carry an `Organizations.` code, so `CloudError.isUnauthenticated` is false for them.
 */
const refusal = (e: unknown, codes: string[]) =>
  e instanceof CloudError && (e.status === 401 || e.status === 403) && codes.includes(e.code);

/** The caller's account is in no organization (`Organizations.1015`). */
export function isNotInOrganization(e: unknown): boolean {
  return refusal(e, ["Organizations.1015"]);
}

/** The caller's account is a member, not the management account nor a delegated administrator. */
export function isNotManagementAccount(e: unknown): boolean {
  return refusal(e, ["Organizations.1001", "Organizations.1002"]);
}

/** A unit or an account, and the root or unit it sits directly under. */
export interface OrganizationEntry {
  id: string;
  name: string;
  urn: string;
  parentId: string;
}

/** The caller's organization, its units and accounts; `listable: false` (and both lists empty) for a member account. */
export interface OrganizationView {
  id: string;
  urn: string;
  managementAccountId: string;
  managementAccountName: string;
  units: OrganizationEntry[];
  accounts: OrganizationEntry[];
  listable: boolean;
}

/** Within the documented 1 to 2000 of either edition of the reference (an older one gave 1,000 as the default). */
const PAGE_LIMIT = 1000;

/**
 * The caller's organization as a sharing policy reads it: every root, every unit under them however
 * deep, and every account with the parent it sits under, all pages of each. Undefined when the account
 * is in no organization; for a member account, which may not list, the organization alone with
 * `listable: false`. Any other failure is thrown.
 */
export async function readOrganization(scope: OrganizationsScope): Promise<OrganizationView | undefined> {
  let organization: Organization;
  try {
    organization = await showOrganization(scope);
  } catch (e) {
    if (isNotInOrganization(e)) return undefined;
    throw e;
  }
  const view = {
    id: organization.id,
    urn: organization.urn,
    managementAccountId: organization.management_account_id,
    managementAccountName: organization.management_account_name,
  };
  try {
    return { ...view, ...(await readTree(scope)), listable: true };
  } catch (e) {
    if (isNotManagementAccount(e)) return { ...view, units: [], accounts: [], listable: false };
    throw e;
  }
}

/** Walks down from the roots, one parent at a time (its units and its accounts side by side). */
async function readTree(scope: OrganizationsScope): Promise<Pick<OrganizationView, "units" | "accounts">> {
  const roots = await everyPage(async (marker) => {
    const page = await listRoots(scope, { limit: PAGE_LIMIT, marker });
    return { items: page.roots, marker: page.marker };
  });
  const units: OrganizationEntry[] = [];
  const accounts: OrganizationEntry[] = [];
  const parents = roots.map((r) => r.id);
  const seen = new Set(parents);
  for (let i = 0; i < parents.length; i++) {
    const parentId = parents[i];
    const query = (marker?: string) => ({ parent_id: parentId, limit: PAGE_LIMIT, marker });
    const [children, members] = await Promise.all([
      everyPage(async (marker) => {
        const page = await listOrganizationalUnits(scope, query(marker));
        return { items: page.organizationalUnits, marker: page.marker };
      }),
      everyPage(async (marker) => {
        const page = await listAccounts(scope, query(marker));
        return { items: page.accounts, marker: page.marker };
      }),
    ]);
    // A unit met twice would be walked twice, and a cycle forever.
    for (const u of children.filter((c) => !seen.has(c.id))) {
      seen.add(u.id);
      parents.push(u.id);
      units.push({ id: u.id, name: u.name, urn: u.urn, parentId });
    }
    accounts.push(...members.map((a) => ({ id: a.id, name: a.name, urn: a.urn, parentId })));
  }
  return { units, accounts };
}

/** Every item of a paged list; a marker the cloud hands back twice is an answer the console cannot read. */
async function everyPage<T>(read: (marker?: string) => Promise<{ items: T[]; marker?: string }>): Promise<T[]> {
  const items: T[] = [];
  const markers = new Set<string>();
  let marker: string | undefined;
  do {
    const page = await read(marker);
    items.push(...page.items);
    marker = page.marker;
    if (marker !== undefined && markers.has(marker)) {
      throw new CloudError("organizations", 200, "invalid_response", "Organizations handed back a page marker twice.");
    }
    if (marker !== undefined) markers.add(marker);
  } while (marker !== undefined);
  return items;
}
