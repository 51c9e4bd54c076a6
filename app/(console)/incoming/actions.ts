"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { imsImageIdSchema, phoneImageIdSchema, vaultIdSchema } from "@/lib/ids";
import { answerShares, type Answer } from "@/lib/sharing/answer";
import type { ImageService } from "@/lib/sharing/pairs";
import { fieldKey } from "@/lib/i18n/fields";
import { renewalInput, requestRenewal } from "@/lib/sharing/renewal";

const decisionSchema = z.object({
  imageIds: z.array(imsImageIdSchema()).min(1, fieldKey("chooseAtLeastOneImage")).max(500, fieldKey("decideImagesMax")),
  vaultId: z.string().trim().pipe(vaultIdSchema()).optional(),
});

const decidePhoneImagesSchema = z.object({
  imageIds: z.preprocess(
    (v) => (v === undefined ? [] : [v].flat()),
    z
      .array(phoneImageIdSchema())
      .min(1, { error: fieldKey("chooseAtLeastOneImage") })
      .max(100, { error: fieldKey("chooseAtMost100Images") }),
  ),
});

/** Answers the shares of the chosen images for this project, then refreshes the inbox. */
const answering =
  (service: ImageService, answer: Answer) =>
  async (input: { imageIds: string[]; vaultId?: string }, ctx: ActionContext) => {
    const results = await answerShares(service, answer, input, ctx);
    revalidatePath("/incoming");
    return results;
  };

/** Accepts images shared with the project (full-ECS images from CBR with the chosen vault). */
export const acceptImagesAction = defineAction(
  { audit: "accept", schema: decisionSchema },
  answering("ims", "accepted"),
);

/** Rejects images shared with the project; the owner's share stays, so accepting later is still possible. */
export const rejectImagesAction = defineAction(
  { audit: "reject", schema: decisionSchema },
  answering("ims", "rejected"),
);

/** Accepts phone images shared with this project, so that it can create cloud phones from them. */
export const acceptPhoneImagesAction = defineAction(
  { audit: "accept", schema: decidePhoneImagesSchema },
  answering("cph", "accepted"),
);

/** Rejects phone images shared with this project; accepting later is still possible while the share lasts. */
export const rejectPhoneImagesAction = defineAction(
  { audit: "reject", schema: decidePhoneImagesSchema },
  answering("cph", "rejected"),
);

/** Asks the owner's admins for a later end date of an image shared with this project. */
export const requestRenewalAction = defineAction(
  { audit: "renewal_requested", schema: renewalInput },
  async (input, ctx) => {
    const asked = await requestRenewal(input, ctx);
    revalidatePath("/incoming");
    return asked;
  },
);
