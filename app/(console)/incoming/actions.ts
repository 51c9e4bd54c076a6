"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { imsImageIdSchema, vaultIdSchema } from "@/lib/ids";
import { answerShares, type AnswerOutcome } from "@/lib/sharing/answer";

const decisionSchema = z.object({
  imageIds: z
    .array(imsImageIdSchema())
    .min(1, "Choose at least one image.")
    .max(500, "Decide at most 500 images at once."),
  vaultId: z.string().trim().pipe(vaultIdSchema()).optional(),
});

export type DecisionResult = AnswerOutcome;

/** Accepts images shared with the project (full-ECS images from CBR with the chosen vault). */
export const acceptImagesAction = defineAction({ audit: "accept", schema: decisionSchema }, async (input, ctx) => {
  const results = await answerShares("ims", "accepted", input, ctx);
  revalidatePath("/incoming");
  return results;
});

/** Rejects images shared with the project; the owner's share stays, so accepting later is still possible. */
export const rejectImagesAction = defineAction({ audit: "reject", schema: decisionSchema }, async (input, ctx) => {
  const results = await answerShares("ims", "rejected", input, ctx);
  revalidatePath("/incoming");
  return results;
});
