"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import type { AuditPair } from "@/lib/audit/writer";
import { listSharedPhoneImages, updatePhoneImageMember } from "@/lib/cloud/cph";
import { CloudError } from "@/lib/cloud/errors";
import type { PhoneMemberDecision } from "@/lib/cloud/schemas/cph";
import { toAppError } from "@/lib/errors";
import { rollUp } from "@/lib/sharing/pairs";
import { mapPool } from "@/lib/sharing/pool";

/** CPH answers one image per call: a few at a time. */
const CONCURRENCY = 4;

const NOT_SHARED = "This phone image is not shared with this project. Refresh the page.";

const decidePhoneImagesSchema = z.object({
  imageIds: z.preprocess(
    (v) => (v === undefined ? [] : [v].flat()),
    z
      .array(z.string().regex(/^[0-9A-Za-z]{32}$/, "Not a phone image id."))
      .min(1, "Choose at least one image.")
      .max(100, "Choose at most 100 images at a time."),
  ),
});

export interface PhoneDecisionResult {
  imageId: string;
  outcome: "succeeded" | "failed";
  reason?: string;
  code?: string;
}
export interface PhoneDecisionData {
  decision: PhoneMemberDecision;
  results: PhoneDecisionResult[];
}

/** One PUT per image; each image keeps its own outcome, and a partial failure leaves the rest done. */
function decidePhoneImages(decision: PhoneMemberDecision) {
  return async (input: z.output<typeof decidePhoneImagesSchema>, ctx: ActionContext): Promise<PhoneDecisionData> => {
    const imageIds = [...new Set(input.imageIds)];
    // Only images shared with this project are sent; any other id is answered here, without a call.
    const shared = new Set((await listSharedPhoneImages(ctx.scope)).images.map((i) => i.image_id));
    let lost: CloudError | undefined;
    const results = await mapPool(
      imageIds,
      CONCURRENCY,
      async (imageId): Promise<PhoneDecisionResult & { requestId?: string }> => {
        if (!shared.has(imageId)) return { imageId, outcome: "failed", reason: NOT_SHARED, code: "not_found" };
        try {
          const { requestId } = await updatePhoneImageMember(ctx.scope, imageId, decision);
          return { imageId, outcome: "succeeded", requestId };
        } catch (e) {
          if (e instanceof CloudError && e.isUnauthenticated) lost = e;
          const error = toAppError(e);
          return {
            imageId,
            outcome: "failed",
            reason: error.message,
            code: error.upstreamCode ?? error.code,
            requestId: error.upstreamRequestId,
          };
        }
      },
    );
    const target = ctx.scope.projectId;
    const pairs: AuditPair[] = results.map((r) => ({
      image: r.imageId,
      target,
      outcome: r.outcome,
      ...(r.code ? { code: r.code } : {}),
    }));
    ctx.note({
      images: imageIds,
      targets: [target],
      pairs,
      outcome: rollUp(results),
      // Every call's request id, so that the CTS import knows each of these calls as the console's own.
      requestId: results.flatMap((r) => r.requestId ?? []).join(",") || undefined,
    });
    if (lost) throw lost;
    revalidatePath("/incoming");
    return {
      decision,
      results: results.map(({ imageId, outcome, reason, code }) => ({ imageId, outcome, reason, code })),
    };
  };
}

/** Accepts phone images shared with this project, so that it can create cloud phones from them. */
export const acceptPhoneImagesAction = defineAction(
  { audit: "accept", schema: decidePhoneImagesSchema },
  decidePhoneImages("accepted"),
);

/** Rejects phone images shared with this project; accepting later is still possible while the share lasts. */
export const rejectPhoneImagesAction = defineAction(
  { audit: "reject", schema: decidePhoneImagesSchema },
  decidePhoneImages("rejected"),
);
