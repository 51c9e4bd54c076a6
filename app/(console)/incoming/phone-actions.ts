"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { phoneImageIdSchema } from "@/lib/ids";
import { answerShares } from "@/lib/sharing/answer";

const decidePhoneImagesSchema = z.object({
  imageIds: z.preprocess(
    (v) => (v === undefined ? [] : [v].flat()),
    z.array(phoneImageIdSchema()).min(1, "Choose at least one image.").max(100, "Choose at most 100 images at a time."),
  ),
});

/** Accepts phone images shared with this project, so that it can create cloud phones from them. */
export const acceptPhoneImagesAction = defineAction(
  { audit: "accept", schema: decidePhoneImagesSchema },
  async (input, ctx) => {
    const results = await answerShares("cph", "accepted", input, ctx);
    revalidatePath("/incoming");
    return results;
  },
);

/** Rejects phone images shared with this project; accepting later is still possible while the share lasts. */
export const rejectPhoneImagesAction = defineAction(
  { audit: "reject", schema: decidePhoneImagesSchema },
  async (input, ctx) => {
    const results = await answerShares("cph", "rejected", input, ctx);
    revalidatePath("/incoming");
    return results;
  },
);
