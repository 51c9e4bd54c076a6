"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { announceBatchChange } from "@/lib/batches/events";
import { batchNeeds, CELL_SEND, excludedCells, pairsOf, type BatchPlanView } from "@/lib/batches/plan";
import { fieldError, launchSchema, planOnServer } from "@/lib/batches/planning";
import { createBatch } from "@/lib/batches/store";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { fieldKey } from "@/lib/i18n/fields";
import { text } from "@/lib/i18n/text";
import {
  createRequest,
  decideRequest,
  getRequest,
  type ApprovalRequest,
  type RequestedPair,
} from "@/lib/policy/approvals";
import { checkEndsAt } from "@/lib/sharing/lease-share";
import { approveRenewal } from "@/lib/sharing/renewal";
import { VERDICTS } from "@/lib/policy/evaluate";
import { readPolicy } from "@/lib/policy/store";

const READ_ONLY = text("errors.said.readOnlyApprovals");
const pairKey = (image: string, target: string) => `${image}\n${target}`;

/** The sends of a plan that are left once exclusions are taken out, as the request keeps them. */
function sendsOf(plan: BatchPlanView, excluded: ReadonlySet<number>): (RequestedPair & { idx: number })[] {
  const width = plan.targets.length;
  return plan.cells.flatMap((c, idx) => {
    if (c !== CELL_SEND || excluded.has(idx)) return [];
    const image = plan.images[Math.floor(idx / width)];
    const v = plan.policy?.verdicts[idx] ?? -1;
    return [
      {
        idx,
        image: image.id,
        imageName: image.name,
        target: plan.targets[idx % width].value,
        ...(v >= 0 && { verdict: VERDICTS[v] }),
      },
    ];
  });
}

const requestSchema = launchSchema.omit({ operation: true }).extend({
  // From the share dialog's form one image comes as a string; from the planner, a list.
  imageIds: z.preprocess((v) => (v === undefined || v === "" ? [] : [v].flat()), launchSchema.shape.imageIds),
  reason: z
    .string()
    .trim()
    .min(1, { error: fieldKey("approvalReason") })
    .max(1000, { error: fieldKey("reasonMax") }),
});

/**
 * Asks another admin of the account to approve a share the enforced policy holds back: from the share
 * dialog or the batch planner, planned again here, kept with the pairs as they were judged.
 */
export const requestApprovalAction = defineAction(
  { audit: "approval_requested", schema: requestSchema, readOnlyMessage: READ_ONLY },
  async (input, ctx) => {
    const planned = await planOnServer({ ...input, operation: "share" }, ctx);
    const excluded = excludedCells(input.excluded, planned.images.length, planned.targets.length);
    if (!(excluded instanceof Set))
      throw fieldError("excluded", text("errors.said.planChanged", { pair: excluded.bad }));
    if (planned.policy?.mode !== "enforce" || batchNeeds(planned, excluded) !== "approval")
      throw new UserError("invalid_input", text("errors.said.nothingToApprove"));
    const db = await getDb();
    const { policy } = await readPolicy(db, ctx.session.accountId);
    const pairs = sendsOf(planned, excluded).map(({ idx: _idx, ...pair }) => pair);
    const id = await createRequest(db, {
      accountId: ctx.session.accountId,
      projectId: ctx.scope.projectId,
      projectName: ctx.session.projectName,
      region: ctx.scope.region,
      requestedById: ctx.session.userId,
      requestedByName: ctx.session.userName,
      reason: input.reason,
      plan: {
        input: {
          imageIds: input.imageIds,
          targets: input.targets,
          kind: input.kind,
          ...(input.endsAt !== undefined && { endsAt: input.endsAt }),
        },
        pairs,
      },
      ttlMs: policy.approvalHours * 3_600_000,
    });
    ctx.note({
      images: [...new Set(pairs.map((p) => p.image))],
      targets: [...new Set(pairs.map((p) => p.target))],
      detail: { request: id, reason: input.reason, pairs: pairs.length },
    });
    revalidatePath("/", "layout");
    return { id, pairs: pairs.length };
  },
);

const decisionSchema = z.object({
  id: z.uuid({ error: fieldKey("notARequestId") }),
  note: z
    .string()
    .trim()
    .max(1000, { error: fieldKey("reasonMax") })
    .optional(),
});

/** The request, if it is this account's and still waiting; else a refusal that says why. */
async function pendingRequest(accountId: string, id: string) {
  const request = await getRequest(await getDb(), accountId, id);
  if (!request) throw new UserError("not_found", text("errors.said.requestNotFound"));
  if (request.status !== "pending")
    throw new UserError("conflict", text("errors.said.requestDecided", { status: request.status }));
  return request;
}

/**
 * Approves a request of another admin: plans it again against the cloud and the policy as they are now,
 * keeps the pairs that were asked for (denied ones stay blocked), and launches them as a batch of the
 * approver's, like any batch. The request, the decision and the batch are linked in the history.
 */
export const approveRequestAction = defineAction(
  {
    audit: "approval_approved",
    schema: decisionSchema,
    readOnlyMessage: READ_ONLY,
    redirect: (done: { batchId?: string }) => (done.batchId ? `/batches/${done.batchId}` : undefined),
  },
  async (input, ctx) => {
    const request = await pendingRequest(ctx.session.accountId, input.id);
    if (request.requestedById === ctx.session.userId) throw new UserError("forbidden", text("errors.said.ownRequest"));
    if (request.projectId !== ctx.scope.projectId)
      throw new UserError("invalid_input", text("errors.said.requestOtherProject", { project: request.projectName }));
    if (request.kind === "lease_renewal") {
      const { until } = await approveRenewal(request, ctx);
      await decided(request, "approved", ctx, input.note);
      ctx.note({
        images: request.plan.pairs.map((p) => p.image),
        targets: request.plan.pairs.map((p) => p.target),
        detail: renewalDetail(request, input.note, until),
      });
      revalidatePath("/", "layout");
      return { until };
    }
    const planned = await planOnServer({ ...request.plan.input, operation: "share" }, ctx);
    const asked = new Set(request.plan.pairs.map((p) => pairKey(p.image, p.target)));
    const width = planned.targets.length;
    // Sends that were not asked for are left out: an approval covers what it was shown, nothing more.
    const excluded = new Set(
      planned.cells.flatMap((c, idx) =>
        c === CELL_SEND &&
        !asked.has(pairKey(planned.images[Math.floor(idx / width)].id, planned.targets[idx % width].value))
          ? [idx]
          : [],
      ),
    );
    // The end date asked for stays with the shares; an approval after it passed is refused, saying so.
    const ends = request.plan.input.endsAt;
    const leaseEndsAt = ends !== undefined ? checkEndsAt(ends) : undefined;
    const db = await getDb();
    if (
      !(await decideRequest(db, {
        accountId: ctx.session.accountId,
        id: request.id,
        status: "approved",
        byId: ctx.session.userId,
        byName: ctx.session.userName,
        note: input.note ?? null,
      }))
    )
      throw new UserError("conflict", text("errors.said.requestDecided", { status: "approved" }));
    const pairs = pairsOf(planned, excluded);
    const batchId = await createBatch(db, {
      actor: ctx.session,
      operation: "share",
      images: planned.images.map(({ id, name, service }) => ({ id, name, service })),
      targets: planned.targets.map(({ kind, value, memberId }) => ({ kind, value, memberId })),
      pairs,
      ...(leaseEndsAt !== undefined && { leaseEndsAt }),
      approvalRequestId: request.id,
    });
    announceBatchChange(batchId);
    ctx.note({
      batchId,
      images: planned.images.map((i) => i.id),
      targets: planned.targets.map((t) => t.value),
      detail: { request: request.id, requestedBy: request.requestedByName, reason: request.reason, note: input.note },
    });
    revalidatePath("/", "layout");
    return { batchId, launched: pairs.filter((p) => p.status === "waiting").length };
  },
);

/** Records the decision, once: a request someone else decided meanwhile is a conflict. */
async function decided(
  request: ApprovalRequest,
  status: "approved" | "declined",
  ctx: ActionContext,
  note: string | undefined,
): Promise<void> {
  const done = await decideRequest(await getDb(), {
    accountId: ctx.session.accountId,
    id: request.id,
    status,
    byId: ctx.session.userId,
    byName: ctx.session.userName,
    note: note ?? null,
  });
  if (!done) throw new UserError("conflict", text("errors.said.requestDecided", { status }));
}

/** What the history keeps of a decided renewal: who asked from which account, and the end date asked for. */
const renewalDetail = (request: ApprovalRequest, note: string | undefined, until?: number) => ({
  request: request.id,
  kind: request.kind,
  requestedBy: request.requestedByName,
  requesterAccount: request.requesterAccountName,
  requesterAccountId: request.requesterAccountId,
  imageName: request.plan.pairs[0]?.imageName,
  note,
  ...(until && { until }),
});

/** Declines a request of another admin, with a note the requester sees. */
export const declineRequestAction = defineAction(
  { audit: "approval_declined", schema: decisionSchema, readOnlyMessage: READ_ONLY },
  async (input, ctx) => {
    const request = await pendingRequest(ctx.session.accountId, input.id);
    if (request.requestedById === ctx.session.userId) throw new UserError("forbidden", text("errors.said.ownRequest"));
    await decided(request, "declined", ctx, input.note);
    ctx.note({
      images: [...new Set(request.plan.pairs.map((p) => p.image))],
      targets: [...new Set(request.plan.pairs.map((p) => p.target))],
      detail:
        request.kind === "lease_renewal"
          ? renewalDetail(request, input.note)
          : { request: request.id, requestedBy: request.requestedByName, note: input.note },
    });
    revalidatePath("/", "layout");
    return { id: request.id };
  },
);

/** Withdraws one's own request while it waits. */
export const withdrawRequestAction = defineAction(
  { audit: "approval_withdrawn", schema: decisionSchema, readOnlyMessage: READ_ONLY },
  async (input, ctx) => {
    const request = await pendingRequest(ctx.session.accountId, input.id);
    if (request.requestedById !== ctx.session.userId)
      throw new UserError("forbidden", text("errors.said.notOwnRequest"));
    await decideRequest(await getDb(), {
      accountId: ctx.session.accountId,
      id: request.id,
      status: "withdrawn",
      byId: ctx.session.userId,
      byName: ctx.session.userName,
      note: null,
    });
    ctx.note({ detail: { request: request.id } });
    revalidatePath("/", "layout");
    return { id: request.id };
  },
);
