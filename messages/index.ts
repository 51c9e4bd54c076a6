import enApprovals from "./en/approvals.json";
import enAuth from "./en/auth.json";
import enBatches from "./en/batches.json";
import enCommon from "./en/common.json";
import enErrors from "./en/errors.json";
import enHistory from "./en/history.json";
import enImages from "./en/images.json";
import enDrift from "./en/drift.json";
import enLeases from "./en/leases.json";
import enManifest from "./en/manifest.json";
import enIncoming from "./en/incoming.json";
import enNames from "./en/names.json";
import enNotify from "./en/notify.json";
import enOverview from "./en/overview.json";
import enPhones from "./en/phones.json";
import enPolicy from "./en/policy.json";
import enSettings from "./en/settings.json";
import enSharing from "./en/sharing.json";
import enShell from "./en/shell.json";
import enTokens from "./en/tokens.json";
import zhApprovals from "./zh-CN/approvals.json";
import zhAuth from "./zh-CN/auth.json";
import zhBatches from "./zh-CN/batches.json";
import zhCommon from "./zh-CN/common.json";
import zhErrors from "./zh-CN/errors.json";
import zhHistory from "./zh-CN/history.json";
import zhImages from "./zh-CN/images.json";
import zhDrift from "./zh-CN/drift.json";
import zhLeases from "./zh-CN/leases.json";
import zhManifest from "./zh-CN/manifest.json";
import zhIncoming from "./zh-CN/incoming.json";
import zhNames from "./zh-CN/names.json";
import zhNotify from "./zh-CN/notify.json";
import zhOverview from "./zh-CN/overview.json";
import zhPhones from "./zh-CN/phones.json";
import zhPolicy from "./zh-CN/policy.json";
import zhSettings from "./zh-CN/settings.json";
import zhSharing from "./zh-CN/sharing.json";
import zhShell from "./zh-CN/shell.json";
import zhTokens from "./zh-CN/tokens.json";

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
  images: enImages,
  phones: enPhones,
  sharing: enSharing,
  policy: enPolicy,
  settings: enSettings,
  approvals: enApprovals,
  notify: enNotify,
  overview: enOverview,
  leases: enLeases,
  drift: enDrift,
  manifest: enManifest,
  tokens: enTokens,
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
  images: zhImages,
  phones: zhPhones,
  sharing: zhSharing,
  policy: zhPolicy,
  settings: zhSettings,
  approvals: zhApprovals,
  notify: zhNotify,
  overview: zhOverview,
  leases: zhLeases,
  drift: zhDrift,
  manifest: zhManifest,
  tokens: zhTokens,
};

/** By locale (`lib/i18n/locales.ts` LOCALES). */
export const MESSAGES = { en, "zh-CN": zh };
