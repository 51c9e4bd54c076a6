"use server";

import { z } from "zod";
import { verifyChain } from "@/lib/audit/chain";
import { defineAction } from "@/lib/actions/action";
import { getDb } from "@/lib/db";

/** Recomputes the account's chain and reports the first broken link; reads only, so no audit event. */
export const verifyChainAction = defineAction({ audit: false, schema: z.object({}) }, async (_input, ctx) =>
  verifyChain(await getDb(), ctx.session.accountId),
);
