"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, type ActionResult } from "@/lib/actions/action";
import { writeAuditEvent } from "@/lib/audit/writer";
import { signOut } from "@/lib/auth";
import { safeCallback } from "@/lib/auth/paths";
import { currentSession } from "@/lib/auth/session";
import { sessionStore } from "@/lib/auth/store";
import { passwordForProject, rescopeSession, targetProject } from "@/lib/auth/switch-project";
import { getDb } from "@/lib/db";
import { appError } from "@/lib/errors";

const switchProjectSchema = z.object({
  projectId: z.string().regex(/^[0-9a-f]{32}$/, "Choose a project from the list."),
  returnTo: z.string().optional(),
});
const passwordSwitchSchema = switchProjectSchema.extend({
  password: z.string().min(1, "Enter your password.").max(256),
});

/** Re-scopes the session's token to another project of the user (IAM token method). */
const switchProject = defineAction({ audit: "switched_project", schema: switchProjectSchema }, async (input, ctx) => {
  const target = await targetProject(ctx.session, input.projectId);
  if (!target) return { switched: false as const };
  const issued = await rescopeSession(ctx.session, target);
  ctx.note({ requestId: issued.requestId });
  await (await sessionStore()).replaceToken(ctx.session.id, issued.token, issued.body);
  return { switched: true as const, project: target.name };
});

/** Where IAM would not re-scope the token (D7): the password method, scoped to the target project. */
const switchProjectWithPassword = defineAction(
  { audit: "switched_project", schema: passwordSwitchSchema },
  async (input, ctx) => {
    const target = await targetProject(ctx.session, input.projectId);
    if (!target) return { switched: false as const };
    const h = await headers();
    const address = h.get("x-forwarded-for")?.split(",")[0].trim() || h.get("x-real-ip") || "direct";
    const issued = await passwordForProject(ctx.session, target, input.password, address);
    ctx.note({ requestId: issued.requestId });
    await (await sessionStore()).replaceToken(ctx.session.id, issued.token, issued.body);
    return { switched: true as const, project: target.name };
  },
);

type SwitchResult = ActionResult<{ switched: false } | { switched: true; project: string }>;

function afterSwitch(result: SwitchResult, returnTo: string | undefined) {
  if (result.ok && !result.data.switched) return { ok: false as const, error: appError("unknown_project") };
  if (result.ok) {
    // Every page and the shell show the project: render them all again for the new one.
    revalidatePath("/", "layout");
    redirect(safeCallback(returnTo));
  }
  return result;
}

export async function switchProjectAction(
  prev: ActionResult<unknown> | null,
  input: z.input<typeof switchProjectSchema>,
) {
  const result = await switchProject(null, input);
  // Only a valid input gets this far with `ok`; a hostile one (not even an object) never reaches `returnTo`.
  return afterSwitch(result, result.ok ? input.returnTo : undefined);
}

export async function switchProjectWithPasswordAction(prev: ActionResult<unknown> | null, form: FormData) {
  const result = await switchProjectWithPassword(null, form);
  const returnTo = result.ok && form instanceof FormData ? form.get("returnTo") : undefined;
  return afterSwitch(result, typeof returnTo === "string" ? returnTo : undefined);
}

/** Records the sign-out, deletes the stored token (Auth.js event) and returns to sign-in. */
export async function signOutAction() {
  const session = await currentSession();
  if (session) {
    await writeAuditEvent(await getDb(), { actor: session, action: "signed_out", outcome: "succeeded" }).catch((e) =>
      console.error("audit: could not record signed_out:", e),
    );
  }
  await signOut({ redirectTo: "/login" });
}
