import type { Hono } from "hono";
import { authenticateGlobal, intParam, type Ctx, type Emu, type EmuEnv, type GlobalSession } from "../core/context";
import { serviceError } from "../core/errors";
import type { Organization } from "../store/types";
import { accountBody, accountsUnder, isParent, organizationBody, rootBody, unitBody, unitsUnder } from "./tree";

/** Page sizes of Huawei's API reference: 1 to 2000, 200 when not given (an older edition says 1,000). */
const MAX_LIMIT = 2000;
const DEFAULT_LIMIT = 200;
/** With `with_register_contact_info=true`, at most 200 accounts a page. */
const CONTACT_MAX_LIMIT = 200;
const MARKER = /^[A-Za-z0-9+/=_.-]{4,400}$/;
const PARENT_ID = /^(?:r-[0-9a-z]{4,32}|ou-[0-9a-z]{8,32})$/;

const MANAGER_ONLY =
  "This operation can be called only from the management account of an organization or by a member account that is a delegated administrator for a service.";

/** [INFERRED] The code of a malformed query parameter: Huawei's error table names none for it. */
function invalidParameter(name: string) {
  return serviceError("Organizations.1000", `Invalid parameter: ${name}.`);
}

/**
 * Organizations (global: one endpoint, no project in the path), the reads an organization-wide sharing
 * policy needs: ShowOrganization for any account of an organization, ListRoots,
 * ListOrganizationalUnits and ListAccounts for its management account only.
 */
export function registerOrganizations(app: Hono<EmuEnv>, emu: Emu): void {
  app.get("/v1/organizations", (c) => {
    const org = organizationOf(emu, authenticateGlobal(c, emu));
    return c.json({ organization: organizationBody(emu, org) });
  });

  app.get("/v1/organizations/roots", (c) => {
    const org = managedBy(emu, authenticateGlobal(c, emu));
    const { items, page_info } = page(c, [rootBody(org)], MAX_LIMIT);
    return c.json({ roots: items, page_info });
  });

  app.get("/v1/organizations/organizational-units", (c) => {
    const org = managedBy(emu, authenticateGlobal(c, emu));
    const units = unitsUnder(org, parentOf(c, org)).map((u) => unitBody(org, u));
    const { items, page_info } = page(c, units, MAX_LIMIT);
    return c.json({ organizational_units: items, page_info });
  });

  app.get("/v1/organizations/accounts", (c) => {
    const org = managedBy(emu, authenticateGlobal(c, emu));
    const contact = c.req.query("with_register_contact_info");
    if (contact !== undefined && contact !== "" && contact !== "true" && contact !== "false") {
      throw invalidParameter("with_register_contact_info");
    }
    const accounts = accountsUnder(org, parentOf(c, org)).map((id) => accountBody(emu, org, id));
    const { items, page_info } = page(c, accounts, contact === "true" ? CONTACT_MAX_LIMIT : MAX_LIMIT);
    return c.json({ accounts: items, page_info });
  });
}

/**
 * The caller's organization. Outside one, 401 `Organizations.1015` (the status and code Terraform's
 * provider turns into "not found"; [INFERRED] the same for the list operations).
 */
function organizationOf(emu: Emu, session: GlobalSession): Organization {
  const org = emu.world.organizationOf(session.account.id);
  if (!org) {
    throw serviceError("Organizations.1015", "The organization is not found.", emu.config.organizations.refusalStatus);
  }
  return org;
}

/** The organization the caller manages; a member account gets `Organizations.1002` (documented as 401). */
function managedBy(emu: Emu, session: GlobalSession): Organization {
  const org = organizationOf(emu, session);
  if (org.ownerDomainId !== session.account.id) {
    throw serviceError("Organizations.1002", MANAGER_ONLY, emu.config.organizations.refusalStatus);
  }
  return org;
}

function parentOf(c: Ctx, org: Organization): string | undefined {
  const parentId = c.req.query("parent_id") || undefined;
  if (parentId !== undefined && (!PARENT_ID.test(parentId) || !isParent(org, parentId))) {
    throw invalidParameter("parent_id");
  }
  return parentId;
}

/**
 * One page of entries after `marker` (the id of the previous page's last entry); `next_marker` is null
 * on the last page, as the SDK's PageInfoDto says to read until it is.
 */
function page<T extends { id: string }>(c: Ctx, all: T[], maxLimit: number) {
  const limit = intParam(c, "limit", 1, maxLimit);
  if (limit === null) throw invalidParameter("limit");
  const marker = c.req.query("marker") || undefined;
  let start = 0;
  if (marker !== undefined) {
    start = MARKER.test(marker) ? all.findIndex((e) => e.id === marker) + 1 : 0;
    if (start === 0) throw invalidParameter("marker");
  }
  const items = all.slice(start, start + (limit ?? DEFAULT_LIMIT));
  const more = start + items.length < all.length;
  return { items, page_info: { next_marker: more ? items[items.length - 1].id : null, current_count: items.length } };
}
