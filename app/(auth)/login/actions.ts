"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { defineOpenAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth";
import { safeCallback } from "@/lib/auth/paths";
import { attemptKeys, clearSignInFailures, recordSignInFailure, signInBlockedFor } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError, type ErrorCode } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { fieldKey } from "@/lib/i18n/fields";

const common = { callbackUrl: z.string().optional(), project: z.string().trim().max(64) };
const signInSchema = z.discriminatedUnion("method", [
  z.object({
    method: z.literal("password"),
    account: z
      .string()
      .trim()
      .min(1, { error: fieldKey("enterAccount") })
      .max(64),
    user: z
      .string()
      .trim()
      .min(1, { error: fieldKey("enterUser") })
      .max(64),
    password: z
      .string()
      .min(1, { error: fieldKey("enterPassword") })
      .max(256),
    ...common,
    project: common.project.min(1, { error: fieldKey("chooseProject") }),
  }),
  z.object({
    method: z.literal("token"),
    token: z
      .string()
      .trim()
      .min(16, { error: fieldKey("pasteToken") })
      .max(32_768),
    ...common,
  }),
]);

const LIMITS = {
  perUser: env.SIGN_IN_MAX_FAILURES_PER_USER,
  perAddress: env.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
  windowMs: env.SIGN_IN_WINDOW_MS,
};
/** Refusals that count against the rate limit: wrong secrets, not an unreachable IAM. */
const COUNTED: ErrorCode[] = ["invalid_credentials", "invalid_token"];

/** The client's address as the nearest proxy reports it (`X-Forwarded-For`), else the direct peer's. */
async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0].trim() || h.get("x-real-ip") || "direct";
}

const SIGN_IN_CODES: ErrorCode[] = [
  "invalid_credentials",
  "invalid_token",
  "unknown_project",
  "token_not_rescoped",
  "iam_unreachable",
  "forbidden",
  "upstream_unavailable",
];

/**
 * Signs in with IAM. No session yet, so no audit event here: `lib/auth` records `signed_in` once IAM
 * issued the token. On failure the form gets a sentence and its values back (never the secrets).
 */
export const signInAction = defineOpenAction(
  { session: false, audit: false, schema: signInSchema },
  async (input): Promise<never> => {
    const { method, callbackUrl, ...credentials } = input;
    const db = await getDb();
    const keys = attemptKeys(
      input.method === "password" ? input.account : "token",
      input.method === "password" ? input.user : "token",
      await clientAddress(),
    );
    const wait = await signInBlockedFor(db, keys, LIMITS);
    if (wait) {
      const minutes = Math.ceil(wait / 60_000);
      throw new UserError("rate_limited", text("errors.said.tooManySignIns", { minutes }));
    }
    try {
      await signIn(method === "password" ? "iam-password" : "iam-token", {
        ...credentials,
        redirectTo: safeCallback(callbackUrl),
      });
    } catch (e) {
      if (e instanceof AuthError) {
        const code =
          "code" in e && SIGN_IN_CODES.includes(e.code as ErrorCode) ? (e.code as ErrorCode) : "upstream_unavailable";
        if (!("code" in e)) console.error("sign-in failed:", e);
        if (COUNTED.includes(code)) await recordSignInFailure(db, keys, LIMITS);
        throw new UserError(code);
      }
      // Signed in (Next's redirect is thrown): earlier refusals of this user are forgiven.
      await clearSignInFailures(db, keys);
      throw e;
    }
    throw new UserError("internal");
  },
);
