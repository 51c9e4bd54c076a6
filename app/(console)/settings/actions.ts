"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action";
import { getDb } from "@/lib/db";
import { text } from "@/lib/i18n/text";
import { policyFormSchema } from "@/lib/policy/form";
import { savePolicy } from "@/lib/policy/store";

/**
 * Writes the account's sharing policy. Full admins only (read-only users see it); the audit event keeps
 * the policy before and after the change.
 */
export const savePolicyAction = defineAction(
  { audit: "policy_changed", schema: policyFormSchema, readOnlyMessage: text("errors.said.readOnlyPolicy") },
  async (policy, ctx) => {
    const before = await savePolicy(await getDb(), ctx.session.accountId, policy, ctx.session.userName);
    ctx.note({ detail: { before, after: policy } });
    revalidatePath("/", "layout");
    return { mode: policy.mode };
  },
);
