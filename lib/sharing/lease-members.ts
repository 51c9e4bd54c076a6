import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { fieldKey } from "@/lib/i18n/fields";
import { text } from "@/lib/i18n/text";
import { MEMBER_ID } from "@/lib/ids";
import type { ChangeContext } from "./context";
import { endsAtField } from "./forms";
import { checkEndsAt, setterOf } from "./lease-share";
import { closeLeasesOf, setLeases } from "./leases";
import type { ImageService } from "./pairs";
import { readOwnImage } from "./unshare";

const memberIds = z
  .preprocess(
    (v) => (v === undefined || v === "" ? [] : [v].flat()),
    z.array(z.string().regex(MEMBER_ID, fieldKey("notAMemberId"))),
  )
  .pipe(z.array(z.string()).min(1, fieldKey("chooseAtLeastOneMember")).max(1000));

/** What the members' end-date dialog posts: set a date, end now, or take the end date away. */
export const leaseMembersInput = z.object({
  imageId: z.string().min(1).max(64),
  memberIds,
  /** `set` needs `endsAt`; `now` ends at once (through the scheduler, audited as the lease's end); `clear` keeps the members. */
  op: z.enum(["set", "now", "clear"]),
  endsAt: endsAtField,
});

export interface LeaseMembersResult {
  imageName: string;
  members: number;
  endsAt?: number;
}

/**
 * Gives members of the owner's image an end date, moves it, ends it now, or takes it away. Only members
 * the image has now are touched (read from the cloud); the scheduler acts with this user's token from
 * now on. Ending now leaves the removal to the scheduler, so that it is removed and audited like any
 * lease's end, naming who ended it.
 */
export async function leaseMembersOf(
  service: ImageService,
  input: z.output<typeof leaseMembersInput>,
  ctx: ChangeContext,
): Promise<LeaseMembersResult> {
  const now = Date.now();
  const endsAt =
    input.op === "now" ? now : input.op === "set" ? checkEndsAt(input.endsAt ?? Number.NaN, now) : undefined;
  if (input.op === "set" && input.endsAt === undefined)
    throw new UserError("invalid_input", text("errors.fields.endsAtInvalid"), "endsAt");
  const image = await readOwnImage(ctx.scope, service, input.imageId);
  const wanted = new Set(input.memberIds);
  const chosen = image.members.filter((m) => wanted.has(m.id) && m.pair);
  if (chosen.length === 0) throw new UserError("not_found", text("errors.said.membersGone"));
  const db = await getDb();
  if (endsAt === undefined) {
    const pairs = chosen.map((m) => ({ image: input.imageId, target: m.id }));
    await closeLeasesOf(db, ctx.scope.projectId, pairs, "cancelled", now);
  } else {
    const members = chosen.map((m) => ({
      imageId: input.imageId,
      imageName: image.name,
      memberId: m.id,
      targetKind: m.pair!.target_kind,
      target: m.pair!.target,
    }));
    await setLeases(db, service, members, endsAt, setterOf(ctx), now);
  }
  ctx.note({
    images: [input.imageId],
    targets: chosen.map((m) => m.id),
    detail: { op: input.op, ...(endsAt !== undefined && { endsAt: new Date(endsAt).toISOString() }) },
  });
  return { imageName: image.name, members: chosen.length, endsAt };
}
