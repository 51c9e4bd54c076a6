"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { shareInput, unshareInput } from "@/lib/sharing/forms";
import { HEX32, PHONE_IMAGE_ID, phoneImageIdSchema } from "@/lib/ids";
import { sharingSteps } from "@/lib/sharing/steps";
import { leaseMembersInput } from "@/lib/sharing/lease-members";
import { fieldKey } from "@/lib/i18n/fields";

const phoneId = phoneImageIdSchema();
/** One phone image at a time; CPH shares with projects only. */
const phoneShare = shareInput.extend({
  imageIds: shareInput.shape.imageIds.pipe(z.array(phoneId).length(1, { error: fieldKey("onePhoneImageAtATime") })),
  targets: shareInput.shape.targets.pipe(z.string().min(1, { error: fieldKey("pasteProjectId") })),
});
const phoneUnshare = unshareInput
  .refine((v) => PHONE_IMAGE_ID.test(v.imageId), { error: fieldKey("notAPhoneImageId"), path: ["imageId"] })
  .refine((v) => v.memberIds.every((id) => HEX32.test(id)), {
    error: fieldKey("phoneMembersAreProjects"),
    path: ["memberIds"],
  });

const steps = sharingSteps("cph", "/phones");

/** The "Check" step: what a share would do, decided on the server from the cloud's current state. */
export const planPhoneShareAction = defineAction({ audit: false, schema: phoneShare }, steps.plan);

/** Shares with every target the server's own plan adds, one call per target; the rest are reported, not sent. */
export const sharePhoneImageAction = defineAction({ audit: "share", schema: phoneShare }, steps.share);

/** Stops sharing with the chosen members, or with all of them once the image's name is typed. */
export const unsharePhoneImageAction = defineAction({ audit: "unshare", schema: phoneUnshare }, steps.unshare);

const phoneLease = leaseMembersInput.refine((v) => PHONE_IMAGE_ID.test(v.imageId), {
  error: fieldKey("notAPhoneImageId"),
  path: ["imageId"],
});

/** Gives members of a phone image an end date, moves it, ends it now, or takes it away. */
export const leasePhoneMembersAction = defineAction({ audit: "lease_changed", schema: phoneLease }, steps.lease);
