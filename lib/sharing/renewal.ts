import "server-only";
import { z } from "zod";
import { writeAuditEvent } from "@/lib/audit/writer";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { fieldKey } from "@/lib/i18n/fields";
import { text } from "@/lib/i18n/text";
import { createRequest, renewalsOf, type ApprovalRequest } from "@/lib/policy/approvals";
import { readPolicy } from "@/lib/policy/store";
import type { ChangeContext } from "./context";
import { endsAtField } from "./forms";
import { checkEndsAt, setterOf } from "./lease-share";
import { setLeases } from "./leases";
import type { ImageService } from "./pairs";
import { showOwnMembership } from "./recipient";

export const renewalInput = z.object({
  leaseId: z.uuid({ error: fieldKey("notALease") }),
  endsAt: endsAtField,
  reason: z
    .string()
    .trim()
    .min(1, { error: fieldKey("approvalReason") })
    .max(1000, { error: fieldKey("reasonMax") }),
});

/**
 * A recipient asks the owner's admins for a later end date: the lease must be on a share made to this
 * project (or its account) that the cloud still shows, and the date later than the lease's. The request
 * lands among the owner account's approvals, and its history records it (which tells its admins).
 */
export async function requestRenewal(input: z.output<typeof renewalInput>, ctx: ChangeContext) {
  const db = await getDb();
  const s = ctx.session;
  const lease = await db
    .selectFrom("share_leases")
    .selectAll()
    .where("id", "=", input.leaseId)
    .where("status", "=", "active")
    .where((eb) => eb.or([eb("member_id", "=", ctx.scope.projectId), eb("member_id", "=", s.accountId)]))
    .executeTakeFirst();
  if (!lease || lease.account_id === s.accountId) throw new UserError("not_found", text("errors.said.leaseNotFound"));
  if (lease.service === "ims" && !(await showOwnMembership(ctx.scope, lease.image_id)))
    throw new UserError("not_found", text("errors.said.leaseNotFound"));
  const until = checkEndsAt(input.endsAt ?? Number.NaN);
  if (until <= Number(lease.ends_at))
    throw new UserError("invalid_input", text("errors.said.renewalNotLater"), "endsAt");
  const pending = (await renewalsOf(db, s.accountId)).get(lease.id);
  if (pending?.status === "pending") throw new UserError("conflict", text("errors.said.renewalPending"));
  const { policy } = await readPolicy(db, lease.account_id);
  const requester = `${s.userName} (${s.accountName})`;
  const id = await createRequest(db, {
    kind: "lease_renewal",
    requesterAccount: { id: s.accountId, name: s.accountName },
    accountId: lease.account_id,
    projectId: lease.project_id,
    projectName: lease.project_name,
    region: lease.region,
    requestedById: s.userId,
    requestedByName: requester,
    reason: input.reason,
    plan: {
      input: { imageIds: [lease.image_id], targets: lease.target, kind: "project" },
      pairs: [{ image: lease.image_id, imageName: lease.image_name, target: lease.member_id }],
      renewal: { leaseId: lease.id, endsAt: Number(lease.ends_at), until },
    },
    ttlMs: policy.approvalHours * 3_600_000,
  });
  // The owner's history says who asked, from which account (which tells its admins).
  await writeAuditEvent(db, {
    actor: {
      userId: s.userId,
      userName: requester,
      accountId: lease.account_id,
      accountName: lease.account_name,
      projectId: lease.project_id,
      projectName: lease.project_name,
      region: lease.region,
    },
    action: "approval_requested",
    outcome: "succeeded",
    images: [lease.image_id],
    targets: [lease.member_id],
    input: {
      request: id,
      kind: "lease_renewal",
      reason: input.reason,
      imageName: lease.image_name,
      requesterAccount: s.accountName,
      until,
    },
  });
  ctx.note({
    images: [lease.image_id],
    targets: [lease.member_id],
    detail: { request: id, owner: lease.account_name, until: new Date(until).toISOString() },
  });
  return { id, until };
}

/** Approving a renewal moves the lease's end to the date asked for; the approver becomes its setter. */
export async function approveRenewal(request: ApprovalRequest, ctx: ChangeContext): Promise<{ until: number }> {
  const renewal = request.plan.renewal;
  const db = await getDb();
  const lease =
    renewal &&
    (await db
      .selectFrom("share_leases")
      .selectAll()
      .where("id", "=", renewal.leaseId)
      .where("status", "=", "active")
      .where("project_id", "=", ctx.scope.projectId)
      .executeTakeFirst());
  if (!renewal || !lease) throw new UserError("not_found", text("errors.said.leaseNotFound"));
  const member = {
    imageId: lease.image_id,
    imageName: lease.image_name,
    memberId: lease.member_id,
    targetKind: lease.target_kind,
    target: lease.target,
  };
  await setLeases(db, lease.service as ImageService, [member], renewal.until, setterOf(ctx));
  return { until: renewal.until };
}
