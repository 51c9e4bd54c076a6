import { z } from "zod";
import { fieldKey } from "@/lib/i18n/fields";

/** How long a token may live, in days; the form offers some of them. */
export const EXPIRY_DAYS = { min: 1, max: 365, default: 90, offered: [7, 30, 90, 365] } as const;

/** Huawei Cloud's AKs are 20 letters and digits and SKs 40 printable characters: a little room either way. */
const ACCESS_KEY = /^[A-Za-z0-9]{16,64}$/;
const SECRET_KEY = /^[\x21-\x7e]{16,128}$/;

const credentialFields = z.object({
  credentials: z.enum(["session", "access_key"], { error: fieldKey("tokenCredentials") }).default("session"),
  accessKey: z
    .string({ error: fieldKey("accessKeyId") })
    .trim()
    .optional(),
  secretKey: z.string({ error: fieldKey("secretAccessKey") }).optional(),
});
type CredentialFields = z.output<typeof credentialFields>;
/** Whether the key fields are worth checking: the choice itself parsed, whatever the other fields say. */
const keyChosen = (payload: { value: unknown }) => {
  const parsed = credentialFields.safeParse(payload.value);
  return parsed.success && parsed.data.credentials === "access_key";
};
const needs = (pattern: RegExp, field: "accessKey" | "secretKey") => (v: CredentialFields) =>
  v.credentials !== "access_key" || pattern.test(v[field] ?? "");

/**
 * The new token form of Settings → API tokens (FormData or JSON alike): what the token may do, how long
 * it lasts, and what it acts with, the user's console session (by default) or an access key they entrust,
 * whose AK and SK are then required. A session token carries neither, whatever the form sent. The SK's
 * field is named so that neither the form's echo nor the audit trail keeps it (`secret`).
 */
export const createApiTokenSchema = z
  .object({
    name: z
      .string({ error: fieldKey("tokenName") })
      .trim()
      .min(1, { error: fieldKey("tokenName") })
      .max(64, { error: fieldKey("tokenName") })
      .refine((s) => !/\p{Cc}/u.test(s), { error: fieldKey("tokenName") }),
    access: z.enum(["read", "write"], { error: fieldKey("tokenAccess") }),
    expiresInDays: z.coerce
      .number({ error: fieldKey("tokenExpiry") })
      .int({ error: fieldKey("tokenExpiry") })
      .min(EXPIRY_DAYS.min, { error: fieldKey("tokenExpiry") })
      .max(EXPIRY_DAYS.max, { error: fieldKey("tokenExpiry") })
      .default(EXPIRY_DAYS.default),
    ...credentialFields.shape,
  })
  .refine(needs(ACCESS_KEY, "accessKey"), { path: ["accessKey"], error: fieldKey("accessKeyId"), when: keyChosen })
  .refine(needs(SECRET_KEY, "secretKey"), {
    path: ["secretKey"],
    error: fieldKey("secretAccessKey"),
    when: keyChosen,
  })
  .transform(({ credentials, accessKey, secretKey, ...rest }) =>
    credentials === "access_key" && accessKey && secretKey
      ? { ...rest, credentials, accessKey, secretKey }
      : { ...rest, credentials: "session" as const },
  );
export type CreateApiTokenInput = z.output<typeof createApiTokenSchema>;

/** One of the user's tokens, by id (revoke, its uses). */
export const apiTokenIdSchema = z.object({ id: z.uuid({ error: fieldKey("notATokenId") }) });
