import "server-only";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import type { ChangeContext } from "./context";
import { MAX_LEASE_MS, type SharePlanView } from "./forms";
import { setLeases, type LeaseSetter } from "./leases";
import type { ImageService, PairOutcome } from "./pairs";

/** An end date that is still ahead and not absurdly far: else the change is refused before any call. */
export function checkEndsAt(endsAt: number, now = Date.now()): number {
  if (endsAt <= now) throw new UserError("invalid_input", text("errors.said.endsAtPassed"), "endsAt");
  if (endsAt > now + MAX_LEASE_MS) throw new UserError("invalid_input", text("errors.said.endsAtTooFar"), "endsAt");
  return endsAt;
}

/** The session as the lease's setter: the scheduler acts with their token and the audit trail names them. */
export function setterOf(ctx: Pick<ChangeContext, "session" | "scope">): LeaseSetter {
  const s = ctx.session;
  return {
    userId: s.userId,
    userName: s.userName,
    accountId: s.accountId,
    accountName: s.accountName,
    projectId: ctx.scope.projectId,
    projectName: s.projectName,
    region: ctx.scope.region,
  };
}

/** Each member a share added gets the end date it was given (members it did not add keep theirs). */
export async function leaseAdded(
  service: ImageService,
  plan: SharePlanView,
  outcomes: readonly PairOutcome[],
  endsAt: number,
  ctx: Pick<ChangeContext, "session" | "scope">,
): Promise<void> {
  const added = new Set(outcomes.filter((o) => o.outcome === "succeeded").map((o) => `${o.image}|${o.target}`));
  const members = plan.rows.flatMap((r) =>
    r.decision === "add" && r.target && added.has(`${r.imageId}|${r.target.memberId}`)
      ? [
          {
            imageId: r.imageId,
            imageName: r.imageName,
            memberId: r.target.memberId,
            targetKind: r.target.kind,
            target: r.target.value,
          },
        ]
      : [],
  );
  if (members.length) await setLeases(await getDb(), service, members, endsAt, setterOf(ctx));
}
