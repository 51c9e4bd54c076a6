import { z } from "zod";
import { fieldKey } from "@/lib/i18n/fields";

/** Project, account (domain) and user ids: 32 lower-case hex (reference section 1.4). */
export const HEX32 = /^[0-9a-f]{32}$/;

/**
 * IMS image ids, CBR vault ids and the console's batch ids: a UUID with dashes, of any version
 * (Glance's `image_id` pattern, not RFC 9562's stricter one).
 */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * CPH image ids are 32 digits and letters (`24010120240105e30022161b00001234`); anything of that
 * alphabet up to 64 characters is looked up, anything else is refused without a call.
 */
export const PHONE_IMAGE_ID = /^[0-9A-Za-z_-]{1,64}$/;

/** An image id of either service: an IMS UUID fits the CPH pattern too. */
export const IMAGE_ID = PHONE_IMAGE_ID;

/**
 * An Organizations URN: the organization's root (`organizations::<account>:organization:o-…`, the
 * org id captured first) or one of its units (`…:ou:o-…/ou-…`, the OU id captured second).
 */
export const ORG_URN = /^organizations::[0-9a-f]{32}:(?:organization:(o-[a-z0-9]+)|ou:o-[a-z0-9]+\/(ou-[a-z0-9-]+))$/;

/**
 * A member id as IMS and CPH record it: a project or account id (32 hex), an organization (`o-…`) or
 * an organizational unit (`ou-…`).
 */
export const MEMBER_ID = /^(?:[0-9a-f]{32}|o-[a-z0-9]{1,60}|ou-[a-z0-9-]{1,60})$/;

// Each schema takes the sentence a form shows for anything else, as a catalogue key (lib/i18n/fields.ts),
// with a plain default.

/** A project id (also what the cloud calls a project member). */
export const projectIdSchema = (message: string = fieldKey("notAProjectId")) => z.string().regex(HEX32, message);

/** An account (domain) id: the same shape as a project id. */
export const accountIdSchema = (message: string = fieldKey("notAnAccountId")) => z.string().regex(HEX32, message);

export const imsImageIdSchema = (message: string = fieldKey("notAnImageId")) => z.string().regex(UUID, message);

export const phoneImageIdSchema = (message: string = fieldKey("notAPhoneImageId")) =>
  z.string().regex(PHONE_IMAGE_ID, message);

/** An image of either service, as a batch takes them. */
export const imageIdSchema = (message: string = fieldKey("imageIdForm")) => z.string().regex(IMAGE_ID, message);

export const vaultIdSchema = (message: string = fieldKey("notAVaultId")) => z.string().regex(UUID, message);

export const batchIdSchema = (message: string = fieldKey("notABatchId")) => z.string().regex(UUID, message);

export const orgUrnSchema = (message: string = fieldKey("notAnOrgUrn")) => z.string().regex(ORG_URN, message);
