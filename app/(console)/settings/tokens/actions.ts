"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action";
import { canChange } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { checkEntrustedKey } from "@/lib/tokens/entrust";
import { apiTokenIdSchema, createApiTokenSchema } from "@/lib/tokens/form";
import { createToken, revokeToken } from "@/lib/tokens/store";

/**
 * Creates a personal access token for the user in the session's project; the secret is in the answer
 * this once. Read-only users may create read tokens (`createToken` refuses them write ones). An access key
 * the user entrusts is checked with IAM first: one that does not work, or is not theirs, makes no token.
 */
export const createApiTokenAction = defineAction(
  { audit: "api_token_created", schema: createApiTokenSchema, allowReadOnly: true },
  async (input, ctx) => {
    const entrusted =
      input.credentials === "access_key"
        ? await checkEntrustedKey(ctx.session, { ak: input.accessKey, sk: input.secretKey })
        : undefined;
    const { token, secret } = await createToken(
      await getDb(),
      { ...ctx.session, canWrite: canChange(ctx.session) },
      { name: input.name, access: input.access, expiresInDays: input.expiresInDays, entrusted },
    );
    // Under `created`: the trail drops any key that mentions a token (lib/audit/writer.ts redact).
    ctx.note({
      detail: {
        created: { id: token.id, prefix: token.prefix, expiresAt: token.expiresAt, credentials: token.credentials },
      },
    });
    revalidatePath("/settings/tokens");
    return { id: token.id, name: token.name, secret };
  },
);

/** Revokes one of the user's own tokens; revoking it again changes nothing. */
export const revokeApiTokenAction = defineAction(
  { audit: "api_token_revoked", schema: apiTokenIdSchema, allowReadOnly: true },
  async (input, ctx) => {
    const token = await revokeToken(await getDb(), ctx.session, input.id);
    ctx.note({ detail: { revoked: { id: token.id, name: token.name, prefix: token.prefix } } });
    revalidatePath("/settings/tokens");
    return { name: token.name };
  },
);
