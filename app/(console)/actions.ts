"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, type ActionResult } from "@/lib/actions/action";
import { writeAuditEvent } from "@/lib/audit/writer";
import { signOut } from "@/lib/auth";
import { safeCallback } from "@/lib/auth/paths";
import { currentSession } from "@/lib/auth/session";
import { sessionStore } from "@/lib/auth/store";
import { createTokenByToken, listAuthProjects, regionOf } from "@/lib/cloud/iam";
import { getDb } from "@/lib/db";
import { appError } from "@/lib/errors";

const switchProjectSchema = z.object({
  projectId: z.string().regex(/^[0-9a-f]{32}$/, "Choose a project from the list."),
  returnTo: z.string().optional(),
});

/** Re-scopes the session's token to another project of the user (IAM token method). */
const switchProject = defineAction({ audit: "switched_project", schema: switchProjectSchema }, async (input, ctx) => {
  const projects = await listAuthProjects(ctx.session.token, ctx.session.region);
  const target = projects.find((p) => p.id === input.projectId);
  if (!target) return { switched: false as const };
  const issued = await createTokenByToken(ctx.session.token, { id: target.id }, regionOf(target.name));
  ctx.note({ requestId: issued.requestId });
  await (await sessionStore()).replaceToken(ctx.session.id, issued.token, issued.body);
  return { switched: true as const, project: target.name };
});

export async function switchProjectAction(prev: ActionResult<unknown> | null, input: z.input<typeof switchProjectSchema>) {
  const result = await switchProject(null, input);
  if (result.ok && !result.data.switched) return { ok: false as const, error: appError("unknown_project") };
  if (result.ok) {
    // Every page and the shell show the project: render them all again for the new one.
    revalidatePath("/", "layout");
    redirect(safeCallback(input.returnTo));
  }
  return result;
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
