"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { checkDriftNow } from "@/lib/boot/drift";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { fieldKey } from "@/lib/i18n/fields";
import { text } from "@/lib/i18n/text";
import { textTranslator } from "@/lib/localize/translator";
import { applyManifest } from "@/lib/manifest/apply";
import { exportManifest } from "@/lib/manifest/export";
import { parseManifest } from "@/lib/manifest/parse";
import { planView } from "@/lib/manifest/view";
import { planFromSource } from "@/lib/manifest/compare";
import { countWatches, getWatch, MAX_WATCHES, removeWatch, saveWatch } from "@/lib/manifest/watches";

const READ_ONLY = text("errors.said.readOnlyManifests");

/** The manifest as pasted or uploaded: a server action's body stops at 1 MB (the API takes 2 MB). */
const manifestField = z
  .string({ error: fieldKey("enterManifest") })
  .min(1, { error: fieldKey("enterManifest") })
  .max(1_000_000, { error: fieldKey("manifestTooLarge") })
  .refine((s) => s.trim() !== "", { error: fieldKey("enterManifest") });
const watchId = z.uuid({ error: fieldKey("notAManifestId") });

/** "Plan": the manifest against the cloud as it is, pair by pair (reads only, so no audit event). */
export const planManifestAction = defineAction(
  { audit: false, schema: z.object({ manifest: manifestField }) },
  async (input, ctx) => {
    return planView(await planFromSource(input.manifest, ctx));
  },
);

/**
 * "Apply": plans again on the server and, if the plan is the one shown (its digest), launches its adds
 * and removes as batches the tracker sends, and asks for approval where the policy holds adds back.
 */
export const applyManifestAction = defineAction(
  {
    audit: "manifest_applied",
    readOnlyMessage: READ_ONLY,
    schema: z.object({
      manifest: manifestField,
      planDigest: z.string().regex(/^[0-9a-f]{64}$/),
      reason: z
        .string()
        .trim()
        .max(1000, { error: fieldKey("reasonMax") })
        .optional(),
    }),
  },
  async (input, ctx) => {
    const result = await applyManifest(parseManifest(input.manifest), ctx, {
      planDigest: input.planDigest,
      reason: input.reason,
    });
    revalidatePath("/batches");
    return { batches: result.batches, approvals: result.approvals, nothing: result.nothing };
  },
);

/** "Export": the project's sharing as it is now, as a manifest to start from. */
export const exportManifestAction = defineAction({ audit: false, schema: z.object({}) }, async (_input, ctx) => {
  const say = await textTranslator();
  return { yaml: await exportManifest({ ...ctx, say: (sentence) => say(sentence.key, sentence.values) }) };
});

/** Watches a manifest under a name: checked for drift now, on a schedule and after every CTS import. */
export const watchManifestAction = defineAction(
  {
    audit: "manifest_watched",
    readOnlyMessage: READ_ONLY,
    schema: z.object({
      name: z
        .string({ error: fieldKey("watchName") })
        .trim()
        .min(1, { error: fieldKey("watchName") })
        .max(64, { error: fieldKey("watchName") }),
      manifest: manifestField,
    }),
  },
  async (input, ctx) => {
    parseManifest(input.manifest);
    const db = await getDb();
    const { id, created } = await saveWatch(db, ctx.session, input.name, input.manifest);
    if (created && (await countWatches(db, ctx.session.accountId, ctx.scope.projectId)) > MAX_WATCHES) {
      await removeWatch(db, ctx.session.accountId, ctx.scope.projectId, id);
      throw new UserError("quota_exceeded", text("errors.said.tooManyWatches", { limit: MAX_WATCHES }));
    }
    ctx.note({ detail: { manifest: id, name: input.name, created } });
    await checkDriftNow(ctx.session.accountId, ctx.scope.projectId, id, { wait: true });
    revalidatePath("/manifests");
    return { id, name: input.name, created };
  },
);

/** Stops watching a manifest (what it found goes with it; the history keeps what was applied). */
export const unwatchManifestAction = defineAction(
  { audit: "manifest_unwatched", readOnlyMessage: READ_ONLY, schema: z.object({ id: watchId }) },
  async (input, ctx) => {
    const db = await getDb();
    const watch = await getWatch(db, ctx.session.accountId, ctx.scope.projectId, input.id);
    if (!watch || !(await removeWatch(db, ctx.session.accountId, ctx.scope.projectId, input.id)))
      throw new UserError("not_found", text("errors.said.manifestNotFound"));
    ctx.note({ detail: { manifest: input.id, name: watch.name } });
    revalidatePath("/manifests");
    return { id: input.id };
  },
);

/** "Check now": compares one watched manifest with the cloud at once (a read, so read-only users may too). */
export const checkManifestAction = defineAction(
  { audit: false, schema: z.object({ id: watchId }) },
  async (input, ctx) => {
    const db = await getDb();
    if (!(await getWatch(db, ctx.session.accountId, ctx.scope.projectId, input.id)))
      throw new UserError("not_found", text("errors.said.manifestNotFound"));
    if (!env.BATCH_TRACKER) throw new UserError("conflict", text("errors.said.watcherOff"));
    await checkDriftNow(ctx.session.accountId, ctx.scope.projectId, input.id, { wait: true });
    revalidatePath("/manifests");
    const watch = await getWatch(db, ctx.session.accountId, ctx.scope.projectId, input.id);
    return { id: input.id, status: watch?.status, driftCount: watch?.driftCount ?? 0 };
  },
);
