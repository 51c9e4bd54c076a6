"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { defineAction, defineOpenAction, type ActionContext } from "@/lib/actions/action";
import { signOut } from "@/lib/auth";
import { safeCallback } from "@/lib/auth/paths";
import { sessionStore } from "@/lib/auth/store";
import { passwordForProject, rescopeSession, targetProject } from "@/lib/auth/switch-project";
import type { IssuedToken } from "@/lib/cloud/iam";
import { UserError } from "@/lib/errors";
import { projectIdSchema } from "@/lib/ids";
import { fieldKey } from "@/lib/i18n/fields";

const switchProjectSchema = z.object({
  projectId: projectIdSchema(fieldKey("chooseProject")),
  returnTo: z.string().optional(),
});
const passwordSwitchSchema = switchProjectSchema.extend({
  password: z
    .string()
    .min(1, { error: fieldKey("enterPassword") })
    .max(256),
});

/** Switching changes only what this session sees: read-only users may; on success, back to their page. */
const switching = {
  audit: "switched_project",
  allowReadOnly: true,
  redirect: (_data: unknown, input: { returnTo?: string }) => safeCallback(input.returnTo),
} as const;

/** The user's project of that id, or the refusal `unknown_project` (also for another account's). */
async function target(ctx: ActionContext, projectId: string) {
  const found = await targetProject(ctx.session, projectId);
  if (!found) throw new UserError("unknown_project");
  return found;
}

/** Stores the new token; every page and the shell show the project, so all of them render again. */
async function switched(ctx: ActionContext, issued: IssuedToken, project: string) {
  ctx.note({ requestId: issued.requestId });
  await (await sessionStore()).replaceToken(ctx.session.id, issued.token, issued.body);
  revalidatePath("/", "layout");
  return { project };
}

/** Re-scopes the session's token to another project of the user (IAM token method). */
export const switchProjectAction = defineAction({ ...switching, schema: switchProjectSchema }, async (input, ctx) => {
  const project = await target(ctx, input.projectId);
  return switched(ctx, await rescopeSession(ctx.session, project), project.name);
});

/** Where IAM would not re-scope the token (D7): the password method, scoped to the target project. */
export const switchProjectWithPasswordAction = defineAction(
  { ...switching, schema: passwordSwitchSchema },
  async (input, ctx) => {
    const project = await target(ctx, input.projectId);
    const h = await headers();
    const address = h.get("x-forwarded-for")?.split(",")[0].trim() || h.get("x-real-ip") || "direct";
    const issued = await passwordForProject(ctx.session, project, input.password, address);
    return switched(ctx, issued, project.name);
  },
);

/**
 * Records the sign-out (an expired session too), deletes the stored token (Auth.js event) and
 * returns to sign-in; without a session it only clears the cookie.
 */
export const signOutAction = defineOpenAction(
  {
    session: "optional",
    audit: "signed_out",
    allowReadOnly: true,
    // Whatever is posted, signing out takes no input.
    schema: z.unknown().transform(() => undefined),
    redirect: () => "/login",
  },
  async () => {
    await signOut({ redirect: false });
  },
);
