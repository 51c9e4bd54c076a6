import { z } from "zod";
import { fieldKey } from "@/lib/i18n/fields";

/** How long a token may live, in days; the form offers some of them. */
export const EXPIRY_DAYS = { min: 1, max: 365, default: 90, offered: [7, 30, 90, 365] } as const;

/** The new token form of Settings → API tokens (FormData or JSON alike). */
export const createApiTokenSchema = z.object({
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
});
export type CreateApiTokenInput = z.output<typeof createApiTokenSchema>;

/** One of the user's tokens, by id (revoke, its uses). */
export const apiTokenIdSchema = z.object({ id: z.uuid({ error: fieldKey("notATokenId") }) });
