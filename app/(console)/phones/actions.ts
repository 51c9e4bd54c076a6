"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, type ActionContext, type ActionResult, type ActionState } from "@/lib/actions/action";
import type { AuditPair } from "@/lib/audit/writer";
import { addPhoneImageMember, deletePhoneImageMember, listPhoneImageMembers } from "@/lib/cloud/cph";
import { CloudError } from "@/lib/cloud/errors";
import { appError } from "@/lib/errors";
import { phoneCallFailure, planPhoneShare, type PhonePlanRow } from "@/lib/sharing/phone-plan";
import { mapPool } from "@/lib/sharing/pool";
import { findPhoneImage, loadShareFacts, PHONE_IMAGE_ID } from "./data";

/** CPH member calls in flight at once: one call per target, a few at a time. */
const CONCURRENCY = 4;

const imageId = z.string().regex(PHONE_IMAGE_ID, "Not a phone image id.");
const targets = z.string().max(10_000, "Paste at most a few hundred ids at a time.");

export interface CallResult {
  id: string;
  outcome: "succeeded" | "failed" | "skipped" | "blocked";
  reason?: string;
  code?: string;
}
/** A pasted target with what the plan decided and what happened to it. */
export type ShareRow = Omit<PhonePlanRow, "code" | "reason"> & CallResult;

const plan = (facts: Awaited<ReturnType<typeof loadShareFacts>>, text: string, ctx: ActionContext) =>
  planPhoneShare(text, {
    ownerProjectId: ctx.scope.projectId,
    region: ctx.scope.region,
    memberIds: facts.members.map((m) => m.member_id),
    knownProjects: facts.projects,
  });

/** The "Check" step: what a share would do, decided on the server from the cloud's current state. */
export const planPhoneShareAction = defineAction(
  { audit: false, schema: z.object({ imageId, targets }) },
  async (input, ctx) => {
    const facts = await loadShareFacts(ctx.scope, ctx.session, input.imageId);
    return { targets: input.targets, rows: plan(facts, input.targets, ctx), members: facts.members.length };
  },
);

/** Shares with every target the server's own plan adds, one POST per target; the rest are reported, not sent. */
export const sharePhoneImageAction = defineAction(
  { audit: "share", schema: z.object({ imageId, targets: targets.trim().min(1, "Paste at least one project id.") }) },
  async (input, ctx) => {
    const facts = await loadShareFacts(ctx.scope, ctx.session, input.imageId);
    const rows = plan(facts, input.targets, ctx);
    const adds = rows.filter((r) => r.decision === "add" && r.projectId);
    await ctx.intent({
      service: "cph",
      expect: "present",
      pairs: adds.map((r) => ({ image: input.imageId, target: r.projectId! })),
    });
    const { sent, lost } = await fanOut(
      adds.map((r) => r.projectId!),
      (id) => addPhoneImageMember(ctx.scope, input.imageId, id),
      ctx.scope.region,
    );
    const byId = new Map(sent.map((r) => [r.id, r]));
    const results: ShareRow[] = rows.map((r) => {
      const call = r.projectId ? byId.get(r.projectId) : undefined;
      if (call)
        return {
          ...r,
          reason: call.outcome === "succeeded" ? "Shared: the project can use it once it accepts." : undefined,
          ...call,
        };
      return { ...r, id: r.projectId ?? r.input, outcome: r.decision === "skip" ? "skipped" : "blocked" };
    });
    record(ctx, input.imageId, results, sent);
    if (lost) throw lost;
    revalidatePath("/phones", "layout");
    return { targets: input.targets, imageName: facts.image.image_name, rows: results };
  },
);

const unshareSchema = z
  .object({
    imageId,
    memberId: z.preprocess(
      (v) => (v === undefined ? [] : [v].flat()),
      z.array(z.string().regex(/^[0-9a-f]{32}$/)).max(100),
    ),
    all: z.enum(["1"]).optional(),
    confirmName: z.string().max(256).optional(),
  })
  .refine((v) => v.all || v.memberId.length > 0, { message: "Choose at least one member.", path: ["memberId"] });

const unshare = defineAction({ audit: "unshare", schema: unshareSchema }, async (input, ctx) => {
  const [image, members] = await Promise.all([
    findPhoneImage(ctx.scope, input.imageId),
    listPhoneImageMembers(ctx.scope, input.imageId),
  ]);
  if (!image) throw new CloudError("cph", 404, "not_found", "The phone image is not among this project's images.");
  if (input.all && input.confirmName !== image.image_name) {
    ctx.note({ images: [input.imageId], outcome: "failed" });
    return { refused: true as const, imageName: image.image_name };
  }
  const current = new Set(members.map((m) => m.member_id));
  const wanted = input.all ? [...current] : [...new Set(input.memberId)];
  const gone = wanted.filter((id) => !current.has(id));
  await ctx.intent({
    service: "cph",
    expect: "absent",
    pairs: wanted.filter((id) => current.has(id)).map((target) => ({ image: input.imageId, target })),
  });
  const { sent, lost } = await fanOut(
    wanted.filter((id) => current.has(id)),
    (id) => deletePhoneImageMember(ctx.scope, input.imageId, id),
    ctx.scope.region,
  );
  const results: CallResult[] = [
    ...sent,
    ...gone.map((id) => ({ id, outcome: "skipped" as const, reason: "No longer a member.", code: "not_member" })),
  ];
  record(ctx, input.imageId, results, sent);
  if (lost) throw lost;
  revalidatePath("/phones", "layout");
  return { refused: false as const, imageName: image.image_name, results };
});

export type UnshareData = { imageName: string; results: CallResult[] };

/** Stops sharing with the chosen members, or with all of them once the image's name is typed. */
export async function unsharePhoneImageAction(
  prev: ActionState<UnshareData>,
  payload: FormData | z.input<typeof unshareSchema>,
): Promise<ActionResult<UnshareData>> {
  const result = await unshare(null, payload);
  if (!result.ok) return result;
  if (result.data.refused) {
    const message = `Type the image name ${result.data.imageName} exactly to remove every member.`;
    const typed = payload instanceof FormData ? payload.get("confirmName") : payload.confirmName;
    return {
      ok: false,
      error: { ...appError("invalid_input", message), fieldErrors: { confirmName: [message] } },
      values: { confirmName: typeof typed === "string" ? typed : "" },
    };
  }
  return { ok: true, data: { imageName: result.data.imageName, results: result.data.results } };
}

type Sent = CallResult & { requestId?: string };

/** One call per id, CONCURRENCY at a time, each with its own outcome; `lost` when the session ended meanwhile. */
async function fanOut(ids: string[], call: (id: string) => Promise<{ requestId?: string }>, region: string) {
  let lost: CloudError | undefined;
  const sent = await mapPool(ids, CONCURRENCY, async (id): Promise<Sent> => {
    try {
      return { id, outcome: "succeeded", requestId: (await call(id)).requestId };
    } catch (e) {
      if (e instanceof CloudError && e.isUnauthenticated) lost = e;
      return {
        id,
        outcome: "failed",
        ...phoneCallFailure(e, region),
        requestId: e instanceof CloudError ? e.requestId : undefined,
      };
    }
  });
  return { sent, lost };
}

/** Per-pair outcomes for the audit trail: succeeded if every call did, failed if none did, partial otherwise. */
function record(ctx: ActionContext, image: string, results: CallResult[], sent: Sent[]) {
  const pairs: AuditPair[] = results.map((r) => ({
    image,
    target: r.id,
    outcome: r.outcome === "blocked" ? "skipped" : r.outcome,
    ...(r.code ? { code: r.code } : {}),
  }));
  const ok = sent.filter((r) => r.outcome === "succeeded");
  const nothingToDo = sent.length === 0 && results.every((r) => r.outcome === "skipped");
  const outcome =
    nothingToDo || (sent.length > 0 && ok.length === sent.length)
      ? "succeeded"
      : ok.length === 0
        ? "failed"
        : "partial";
  ctx.note({
    images: [image],
    targets: sent.map((r) => r.id),
    pairs,
    outcome,
    requestId: sent.flatMap((r) => r.requestId ?? []).join(",") || undefined,
  });
}
