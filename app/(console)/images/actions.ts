"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { imsImageIdSchema, UUID } from "@/lib/ids";
import { shareInput, unshareInput } from "@/lib/sharing/forms";
import { planShareOf, shareOf } from "@/lib/sharing/share";
import { unshareOf } from "@/lib/sharing/unshare";

/** IMS image ids are UUIDs: anything else is refused before a call. */
const imsShare = shareInput.extend({
  imageIds: shareInput.shape.imageIds.pipe(z.array(imsImageIdSchema("Choose images from the list."))),
});
const imsUnshare = unshareInput.refine((v) => UUID.test(v.imageId), {
  message: "Not an image id.",
  path: ["imageId"],
});

/** Checks every image × target pair before anything is sent (reads only, so it records no event). */
export const planShareAction = defineAction({ audit: false, schema: imsShare }, (input, ctx) =>
  planShareOf("ims", input, ctx),
);

/** Shares through the batch API, as the server's own plan says; each pair's outcome read back from the members. */
export const shareImagesAction = defineAction({ audit: "share", schema: imsShare }, async (input, ctx) => {
  const result = await shareOf("ims", input, ctx);
  revalidatePath("/images", "layout");
  return result;
});

/** Stops sharing: chosen members, or all of them once the user typed the image's name. */
export const unshareMembersAction = defineAction({ audit: "unshare", schema: imsUnshare }, async (input, ctx) => {
  const result = await unshareOf("ims", input, ctx);
  revalidatePath("/images", "layout");
  return result;
});
