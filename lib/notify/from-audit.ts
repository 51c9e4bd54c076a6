import type { Kysely, Transaction } from "kysely";
import type { Database } from "@/lib/db/types";
import { text } from "@/lib/i18n/text";
import type { Notice } from "./store";

type Db = Kysely<Database> | Transaction<Database>;

/** What of an audit event (lib/audit/writer `AuditEvent`) the notifications read; declared here, not imported. */
export interface AuditedChange {
  actor: {
    userName: string;
    accountId: string;
    accountName: string;
    projectId: string;
    projectName: string;
    region: string;
  };
  action: string;
  outcome: string;
  source?: string;
  images?: string[];
  targets?: string[];
  pairs?: { outcome: string }[];
  input?: unknown;
  batchId?: string;
  occurredAt?: number;
  /** Set by the CTS import for a share its account's policy would not have allowed. */
  outsidePolicy?: boolean;
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown) => (typeof v === "string" ? v : "");
const num = (v: unknown) => (typeof v === "number" ? v : 0);

/**
 * The notices an audit event gives, written in its transaction (lib/audit/writer): a batch's end, a
 * lease's end, a request for approval and its decision, a share outside the policy found in CTS, and a
 * recipient's answer (told to the owner's account, when the owner's project is known to this console).
 */
export async function noticesOf(db: Db, event: AuditedChange, now: number): Promise<Notice[]> {
  const a = event.actor;
  const input = record(event.input);
  const base = {
    accountId: a.accountId,
    accountName: a.accountName,
    project: { id: a.projectId, name: a.projectName, region: a.region },
    occurredAt: event.occurredAt ?? now,
  };
  const images = event.images ?? [];
  switch (event.action) {
    case "batch_finished": {
      const counts = { succeeded: num(input.succeeded), failed: num(input.failed), cancelled: num(input.cancelled) };
      const failed = counts.failed + counts.cancelled > 0;
      const values = { user: a.userName, ...counts };
      return [
        {
          ...base,
          type: failed ? "batch.failed" : "batch.finished",
          title: text(failed ? "notify.events.batchFailed.title" : "notify.events.batchFinished.title"),
          text: text(failed ? "notify.events.batchFailed.text" : "notify.events.batchFinished.text", values),
          link: `/batches/${event.batchId ?? str(input.batchId)}`,
          data: { batchId: event.batchId ?? input.batchId, operation: input.operation, ...counts },
        },
      ];
    }
    case "lease_ended": {
      const removed = (event.pairs ?? []).filter((p) => p.outcome !== "failed").length;
      return [
        {
          ...base,
          type: "lease.ended",
          title: text("notify.events.leaseEnded.title"),
          text: text("notify.events.leaseEnded.text", {
            image: str(input.imageName) || images[0] || "",
            count: removed,
            user: a.userName,
          }),
          link: images[0] ? `/images/${images[0]}` : undefined,
          data: { images, members: event.targets ?? [], setBy: a.userName, leases: input.leases },
        },
      ];
    }
    case "approval_requested":
    case "approval_approved":
    case "approval_declined": {
      const requested = event.action === "approval_requested";
      const status = event.action === "approval_approved" ? "approved" : "declined";
      const values = { user: a.userName, requester: str(input.requestedBy), status };
      const renewal = input.kind === "lease_renewal";
      const notice: Notice = {
        ...base,
        type: requested ? "approval.requested" : "approval.decided",
        title: text(
          requested
            ? renewal
              ? "notify.events.renewalRequested.title"
              : "notify.events.approvalRequested.title"
            : "notify.events.approvalDecided.title",
          requested ? undefined : { status },
        ),
        text: !requested
          ? text("notify.events.approvalDecided.text", values)
          : renewal
            ? text("notify.events.renewalRequested.text", {
                user: a.userName,
                account: str(input.requesterAccount),
                image: str(input.imageName),
                until: num(input.until),
                reason: str(input.reason),
              })
            : text("notify.events.approvalRequested.text", { user: a.userName, reason: str(input.reason) }),
        link: "/approvals",
        data: { request: input.request, status: requested ? "pending" : status, kind: input.kind ?? "share" },
      };
      // A recipient who asked for longer access hears the answer too, in their own account.
      const requester = str(input.requesterAccountId);
      return renewal && !requested && requester
        ? [
            notice,
            {
              ...notice,
              accountId: requester,
              accountName: str(input.requesterAccount),
              project: undefined,
              link: "/incoming",
            },
          ]
        : [notice];
    }
    case "share":
      if (event.source !== "cts" || !event.outsidePolicy) return [];
      return [
        {
          ...base,
          type: "policy.outside",
          title: text("notify.events.policyOutside.title"),
          text: text("notify.events.policyOutside.text", {
            user: a.userName,
            images: images.length,
            targets: (event.targets ?? []).join(", "),
          }),
          link: "/images?outside=1",
          data: { images, targets: event.targets ?? [], by: a.userName },
        },
      ];
    case "accept":
    case "reject":
      return event.outcome === "failed" ? [] : answered(db, event, record(input.owners));
    default:
      return [];
  }
}

/** A recipient's answer, told to each owner whose project this console knows (someone of it signed in here). */
async function answered(db: Db, event: AuditedChange, owners: Record<string, unknown>): Promise<Notice[]> {
  const projects = Object.keys(owners);
  if (projects.length === 0) return [];
  const known = await db.selectFrom("project_accounts").selectAll().where("project_id", "in", projects).execute();
  const a = event.actor;
  return known.flatMap((owner): Notice[] => {
    const images = (owners[owner.project_id] as { id: string; name: string }[] | undefined) ?? [];
    if (owner.account_id === a.accountId || images.length === 0) return [];
    const accepted = event.action === "accept";
    return [
      {
        type: "share.answered",
        accountId: owner.account_id,
        accountName: owner.account_name,
        project: { id: owner.project_id, name: owner.project_name, region: owner.region },
        occurredAt: event.occurredAt ?? Date.now(),
        title: text(accepted ? "notify.events.shareAccepted.title" : "notify.events.shareRejected.title"),
        text: text(accepted ? "notify.events.shareAccepted.text" : "notify.events.shareRejected.text", {
          account: a.accountName,
          project: a.projectName,
          images: images.map((i) => i.name).join(", "),
          count: images.length,
        }),
        link: images.length === 1 ? `/images/${images[0].id}` : "/images",
        data: {
          answer: accepted ? "accepted" : "rejected",
          recipient: { accountId: a.accountId, accountName: a.accountName, projectId: a.projectId },
          images,
        },
      },
    ];
  });
}
