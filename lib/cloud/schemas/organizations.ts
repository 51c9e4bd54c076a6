import { z } from "zod";
import { list, optNum, optString } from "./tolerant";

/**
 * Huawei Cloud Organizations (global), as the SDK's models give it (`services/organizations/v1/`):
 * OrganizationDto, RootDto, OrganizationalUnitDto, AccountDto and PageInfoDto. Only what the console
 * reads is kept; dates stay ISO text.
 */

/** `page_info`: `next_marker` until the last page, where it is null (or absent). */
export const pageInfoSchema = z.object({ next_marker: optString(), current_count: optNum() });

export const organizationSchema = z.object({
  id: z.string(),
  urn: z.string(),
  management_account_id: z.string(),
  management_account_name: z.string(),
  created_at: optString(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const showOrganizationSchema = z.object({ organization: organizationSchema });

export const rootSchema = z.object({ id: z.string(), urn: z.string(), name: z.string(), created_at: optString() });
export type OrganizationRoot = z.infer<typeof rootSchema>;

export const rootListSchema = z.object({ roots: list(rootSchema), page_info: pageInfoSchema.nullish() });

export const organizationalUnitSchema = z.object({
  id: z.string(),
  urn: z.string(),
  name: z.string(),
  created_at: optString(),
});
export type OrganizationalUnit = z.infer<typeof organizationalUnitSchema>;

export const organizationalUnitListSchema = z.object({
  organizational_units: list(organizationalUnitSchema),
  page_info: pageInfoSchema.nullish(),
});

/** An account of the organization: `join_method` `invited` or `created`, `status` `active`, `suspended`… */
export const accountSchema = z.object({
  id: z.string(),
  urn: z.string(),
  name: z.string(),
  join_method: optString(),
  status: optString(),
  joined_at: optString(),
});
export type OrganizationAccount = z.infer<typeof accountSchema>;

export const accountListSchema = z.object({ accounts: list(accountSchema), page_info: pageInfoSchema.nullish() });
