import enAuth from "./en/auth.json";
import enBatches from "./en/batches.json";
import enCommon from "./en/common.json";
import enErrors from "./en/errors.json";
import enHistory from "./en/history.json";
import enIncoming from "./en/incoming.json";
import enNames from "./en/names.json";
import enShell from "./en/shell.json";
import zhAuth from "./zh-CN/auth.json";
import zhBatches from "./zh-CN/batches.json";
import zhCommon from "./zh-CN/common.json";
import zhErrors from "./zh-CN/errors.json";
import zhHistory from "./zh-CN/history.json";
import zhIncoming from "./zh-CN/incoming.json";
import zhNames from "./zh-CN/names.json";
import zhShell from "./zh-CN/shell.json";

/**
 * The two catalogues, one JSON file per area and language. English is the reference: its shape is the
 * type every other catalogue must have (a missing key fails the type check), and `messages.test.ts`
 * checks that both hold the same keys with the same ICU arguments.
 */
const en = {
  common: enCommon,
  shell: enShell,
  auth: enAuth,
  errors: enErrors,
  incoming: enIncoming,
  batches: enBatches,
  history: enHistory,
  names: enNames,
};
export type Messages = typeof en;

const zh: Messages = {
  common: zhCommon,
  shell: zhShell,
  auth: zhAuth,
  errors: zhErrors,
  incoming: zhIncoming,
  batches: zhBatches,
  history: zhHistory,
  names: zhNames,
};

/** By locale (`lib/i18n/locales.ts` LOCALES). */
export const MESSAGES = { en, "zh-CN": zh };
