"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { imsImageIdSchema, UUID } from "@/lib/ids";
import { shareInput, unshareInput } from "@/lib/sharing/forms";
import { sharingSteps } from "@/lib/sharing/steps";
import { leaseMembersInput } from "@/lib/sharing/lease-members";
import { fieldKey } from "@/lib/i18n/fields";

/** IMS image ids are UUIDs: anything else is refused before a call. */
const imsShare = shareInput.extend({
  imageIds: shareInput.shape.imageIds.pipe(z.array(imsImageIdSchema(fieldKey("chooseImages")))),
});
const imsUnshare = unshareInput.refine((v) => UUID.test(v.imageId), {
  error: fieldKey("notAnImageId"),
  path: ["imageId"],
});

const steps = sharingSteps("ims", "/images");

/** Checks every image × target pair before anything is sent (reads only, so it records no event). */
export const planShareAction = defineAction({ audit: false, schema: imsShare }, steps.plan);

/** Shares through the batch API, as the server's own plan says; each pair's outcome read back from the members. */
export const shareImagesAction = defineAction({ audit: "share", schema: imsShare }, steps.share);

/** Stops sharing: chosen members, or all of them once the user typed the image's name. */
export const unshareMembersAction = defineAction({ audit: "unshare", schema: imsUnshare }, steps.unshare);

const imsLease = leaseMembersInput.refine((v) => UUID.test(v.imageId), {
  error: fieldKey("notAnImageId"),
  path: ["imageId"],
});

/** Gives members an end date, moves it, ends it now, or takes it away (the lease scheduler removes them then). */
export const leaseMembersAction = defineAction({ audit: "lease_changed", schema: imsLease }, steps.lease);
