import { DEMO, DEMO_IMAGES, DEMO_PHONES } from "../emulator/seed/demo";

/** Hostile input for the fuzz: ids of other accounts, and values of every wrong kind. */

/** Ids of the demo world that are not acme's to act on. */
export const FOREIGN = {
  globexProject: DEMO.globexAp,
  initechProject: DEMO.initechAp,
  globexAccount: DEMO.globex,
  /** globex-new-release: owned by globex, not shared with acme. */
  globexImage: DEMO_IMAGES.globexNewRelease,
  /** globex-ci-runner: shared with acme and accepted, but globex's. */
  globexSharedImage: DEMO_IMAGES.globexCiRunner,
  /** No image, batch or phone image has these. */
  noUuid: "4f1d2c3b-0000-4000-8000-00000000dead",
  noPhone: "ffffffffffffffffffffffffffff0001",
};

/** acme's images that no payload may change: encrypted (never shareable) and without members. */
export const ACME = {
  encrypted: DEMO_IMAGES.centosEncrypted,
  ubuntu: DEMO_IMAGES.ubuntu,
  phoneNoMembers: DEMO_PHONES.android12Base,
};

const MB = "\u00e9".repeat(1 << 19) + "x".repeat(1 << 19);

/** Strings a form field may be given by someone who does not use the form. */
export const STRINGS: string[] = [
  "",
  "   ",
  "../../etc/passwd",
  "..%2F..%2F..%2Fetc%2Fpasswd",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "\u202Eexe.gnp",
  "a\u200B\u200C\u200Db\uFEFF",
  "nul\u0000byte",
  "lone\uD800surrogate",
  "\uDC00",
  "' OR 1=1 --",
  "${7*7}{{7*7}}",
  "$undefined",
  "$NaN",
  "$Infinity",
  "$-0",
  "$n99999999999999999999",
  "$D2026-13-45T99:99:99Z",
  "$$escaped",
  FOREIGN.globexProject,
  FOREIGN.globexAccount,
  FOREIGN.globexImage,
  FOREIGN.globexSharedImage,
  FOREIGN.noUuid,
  FOREIGN.noPhone,
  `urn:ims:${FOREIGN.globexAccount}:organization:o-${"a".repeat(10)}`,
];

/** Values of the wrong type. */
export const VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  true,
  [],
  {},
  [null],
  [[FOREIGN.globexImage]],
  { length: 1e9 },
  JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}'),
  Array.from(
    { length: 20_000 },
    (_, i) => `${FOREIGN.noUuid.slice(0, -4)}${(i % 10_000).toString(16).padStart(4, "0")}`,
  ),
];

/** Ids that look valid but name other accounts' things: they pass the schemas and must stop at the cloud's answer. */
export const ID_LIKE = new Set([
  FOREIGN.globexProject,
  FOREIGN.globexAccount,
  FOREIGN.globexImage,
  FOREIGN.globexSharedImage,
  FOREIGN.noUuid,
  FOREIGN.noPhone,
]);

const FOREIGN_MANIFEST = `version: 1\nimages:\n  - id: ${FOREIGN.globexImage}\n    targets: []\n`;

export interface ActionSpec {
  /** A payload that changes nothing (other accounts' ids, images that cannot be shared); each field is varied from it. */
  base: Record<string, unknown>;
  /** Declared with a FormData payload: also posted as multipart. */
  form?: boolean;
  /** Reads only, or reports each pair's outcome: `ok: true` is a fine answer (as long as the cloud saw no change). */
  mayAccept?: boolean;
  /** Fields whose id-like values would make a legitimate change (skipped for them). */
  noIds?: string[];
}

/**
 * Every action of the console with a base payload; an action of the build missing here fails the fuzz.
 */
export const ACTIONS: Record<string, ActionSpec> = {
  // Every field empty: each variant changes one field, so no variant is ever a real sign-in attempt
  // (which would count against the sign-in rate limit of every other test).
  signInAction: {
    base: { method: "password", account: "", user: "", password: "", project: "", callbackUrl: "" },
    form: true,
  },
  switchProjectAction: { base: { projectId: FOREIGN.globexProject, returnTo: "/images" } },
  // Another account's project: refused before IAM is asked, whatever the password.
  switchProjectWithPasswordAction: {
    base: { projectId: FOREIGN.globexProject, returnTo: "/images", password: "" },
    form: true,
  },
  signOutAction: { base: {}, mayAccept: true },
  planShareAction: {
    base: { imageIds: [ACME.encrypted], targets: FOREIGN.globexProject, kind: "project" },
    mayAccept: true,
  },
  shareImagesAction: {
    base: { imageIds: [ACME.encrypted], targets: FOREIGN.globexProject, kind: "project" },
    mayAccept: true,
  },
  unshareMembersAction: {
    base: { imageId: ACME.encrypted, memberIds: [FOREIGN.globexProject], all: false, confirmName: "" },
  },
  acceptImagesAction: { base: { imageIds: [FOREIGN.globexImage], vaultId: "" }, noIds: ["imageIds"], mayAccept: true },
  rejectImagesAction: { base: { imageIds: [FOREIGN.globexImage], vaultId: "" }, noIds: ["imageIds"], mayAccept: true },
  acceptPhoneImagesAction: { base: { imageIds: [FOREIGN.noPhone] }, mayAccept: true },
  rejectPhoneImagesAction: { base: { imageIds: [FOREIGN.noPhone] }, mayAccept: true },
  planBatchAction: {
    base: { operation: "share", imageIds: [FOREIGN.noUuid], targets: "not a target", kind: "project" },
    mayAccept: true,
  },
  launchBatchAction: {
    base: { operation: "share", imageIds: [FOREIGN.noUuid], targets: "not a target", kind: "project", excluded: [] },
    noIds: ["targets"],
  },
  retryFailedAction: { base: { batchId: FOREIGN.noUuid } },
  cancelBatchAction: { base: { batchId: FOREIGN.noUuid } },
  readMembersNowAction: { base: { batchId: FOREIGN.noUuid } },
  // Names of the address book: the base id is no id at all, and any id may be named (noIds), so no
  // variant names anything.
  saveNameAction: { base: { id: "not-an-id", name: "Globex", note: "" }, noIds: ["id"], form: true },
  removeNameAction: { base: { id: "not-an-id" }, noIds: ["id"], form: true },
  // An empty file imports nothing: a fine answer, as long as nothing was named.
  importNamesAction: { base: { csv: "id,name\nnot-an-id,Globex" }, form: true, mayAccept: true },
  planPhoneShareAction: { base: { imageIds: [FOREIGN.noPhone], targets: FOREIGN.globexProject }, mayAccept: true },
  sharePhoneImageAction: { base: { imageIds: [FOREIGN.noPhone], targets: FOREIGN.globexProject }, mayAccept: true },
  unsharePhoneImageAction: {
    base: { imageId: FOREIGN.noPhone, memberIds: [FOREIGN.globexProject], all: "1", confirmName: "" },
    form: true,
  },
  importCtsTracesAction: { base: {}, mayAccept: true },
  // Approvals: no policy holds anything back on this console, so a request has nothing to approve, and
  // the base request id is nobody's.
  requestApprovalAction: {
    base: { imageIds: [FOREIGN.noUuid], targets: "not a target", kind: "project", excluded: [], reason: "why" },
    noIds: ["targets"],
  },
  approveRequestAction: { base: { id: FOREIGN.noUuid, note: "" } },
  declineRequestAction: { base: { id: FOREIGN.noUuid, note: "" } },
  withdrawRequestAction: { base: { id: FOREIGN.noUuid, note: "" } },
  // The sharing policy: the base's mode is none of the modes, and each variant changes one field only,
  // so no variant ever writes a policy that other tests would then live under.
  savePolicyAction: {
    base: {
      mode: "not-a-mode",
      allowOwnProjects: "on",
      allowOrganization: "on",
      allowlist: "",
      otherwise: "allow",
      lockedNames: "",
      lockedTags: "",
      approvalKinds: [],
      approvalBatchOver: "",
      approvalHours: "72",
    },
    form: true,
  },
  verifyChainAction: { base: {}, mayAccept: true },
  // End dates: acme's encrypted image has no members, so no variant gives anyone an end date; a lease
  // id nobody has; notification settings in no language; a webhook of no format; webhooks and
  // deliveries nobody has.
  leaseMembersAction: {
    base: { imageId: ACME.encrypted, memberIds: [FOREIGN.globexProject], op: "now", endsAt: "" },
    noIds: ["memberIds"],
  },
  leasePhoneMembersAction: {
    base: { imageId: FOREIGN.noPhone, memberIds: [FOREIGN.globexProject], op: "now", endsAt: "" },
  },
  requestRenewalAction: { base: { leaseId: FOREIGN.noUuid, endsAt: "", reason: "why" } },
  saveNotificationsAction: {
    base: {
      "event.lease.ended": "on",
      leaseWarnDays: "3",
      incomingWaitHours: "24",
      language: "not-a-language",
      smnTopic: "",
    },
    form: true,
  },
  addWebhookAction: {
    base: { name: "ops", url: "https://example.com/hook", preset: "not-a-preset", secret: "" },
    form: true,
  },
  toggleWebhookAction: { base: { id: FOREIGN.noUuid, enabled: "2" }, form: true },
  removeWebhookAction: { base: { id: FOREIGN.noUuid }, form: true },
  sendTestAction: { base: { id: FOREIGN.noUuid }, form: true },
  sendAgainAction: { base: { id: FOREIGN.noUuid }, form: true },
  // API tokens: the base has no name and no access a token can have, so that every variant (one field
  // changed) is still refused and no token is made, nor any key checked with IAM; a token id nobody has.
  createApiTokenAction: {
    base: {
      name: "",
      access: "not-an-access",
      expiresInDays: "0",
      credentials: "access_key",
      accessKey: "",
      secretKey: "",
    },
    form: true,
  },
  revokeApiTokenAction: { base: { id: FOREIGN.noUuid }, form: true },
  // A manifest of an image acme does not own: planned, it is a warning; applied, a digest no plan has.
  planManifestAction: { base: { manifest: FOREIGN_MANIFEST }, mayAccept: true },
  applyManifestAction: { base: { manifest: FOREIGN_MANIFEST, planDigest: "0".repeat(64) } },
  exportManifestAction: { base: {}, mayAccept: true },
  watchManifestAction: { base: { name: "", manifest: "" } },
  unwatchManifestAction: { base: { id: FOREIGN.noUuid } },
  checkManifestAction: { base: { id: FOREIGN.noUuid } },
};

/** The argument lists posted to one action: wrong shapes, then each field given every hostile value. */
export function payloadsOf(spec: ActionSpec): unknown[][] {
  const shapes: unknown[][] = [
    [],
    [null],
    [null, null],
    [null, "payload"],
    [null, 42],
    [null, []],
    [null, [spec.base]],
    [{ ok: true }, spec.base, "extra"],
  ];
  // A body over the server's limit is refused before any field is read: once per action, not once per field.
  const whole = [
    { ...spec.base, extra: MB, $ACTION_ID_x: "1" },
    ...Object.keys(spec.base)
      .slice(0, 1)
      .map((field) => ({ ...spec.base, [field]: MB })),
    JSON.parse(
      JSON.stringify(spec.base).replace(
        /^\{/,
        Object.keys(spec.base).length ? '{"__proto__":{"ok":true},' : '{"__proto__":{"ok":true}',
      ),
    ),
  ];
  const fields = Object.keys(spec.base).flatMap((field) => {
    const values = [...STRINGS, ...VALUES].filter((v) => !(spec.noIds?.includes(field) && ID_LIKE.has(v as string)));
    const asList = Array.isArray(spec.base[field]) ? values.filter((v) => typeof v === "string").map((v) => [v]) : [];
    return [...values, ...asList].map((v) => ({ ...spec.base, [field]: v }));
  });
  return [...shapes, ...[...whole, ...fields].map((p) => [null, p])];
}

/** Bodies that are not React's encoding at all. */
export const RAW_BODIES = [
  "",
  "not json",
  "[",
  '{"0":1}',
  '[null,"$Q1"]',
  '[null,"$@9"]',
  '[null,"$K7"]',
  '[null,"$h1"]',
  '[null,"$F1"]',
];
