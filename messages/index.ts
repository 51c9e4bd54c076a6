import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enImages from "./en/images.json";
import enPhones from "./en/phones.json";
import enSharing from "./en/sharing.json";
import enShell from "./en/shell.json";
import zhAuth from "./zh-CN/auth.json";
import zhCommon from "./zh-CN/common.json";
import zhImages from "./zh-CN/images.json";
import zhPhones from "./zh-CN/phones.json";
import zhSharing from "./zh-CN/sharing.json";
import zhShell from "./zh-CN/shell.json";

/**
 * The two catalogues, one JSON file per area and language. English is the reference: its shape is the
 * type every other catalogue must have (a missing key fails the type check), and `messages.test.ts`
 * checks that both hold the same keys with the same ICU arguments.
 */
const en = { common: enCommon, shell: enShell, auth: enAuth, images: enImages, phones: enPhones, sharing: enSharing };
export type Messages = typeof en;

const zh: Messages = {
  common: zhCommon,
  shell: zhShell,
  auth: zhAuth,
  images: zhImages,
  phones: zhPhones,
  sharing: zhSharing,
};

/** By locale (`lib/i18n/locales.ts` LOCALES). */
export const MESSAGES = { en, "zh-CN": zh };
