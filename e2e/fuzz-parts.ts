import type { APIRequestContext, Page } from "@playwright/test";
import {
  grown,
  manifestActions,
  multipartOf,
  mutations,
  postAction,
  problemOf,
  type ManifestAction,
} from "./action-client";
import { expect, HOME, query, test } from "./fixtures";
import { ACME, ACTIONS, payloadsOf, RAW_BODIES, type ActionSpec } from "./fuzz-corpus";

/**
 * Issue 8 item 4: every server action of the build, posted over HTTP as a browser would, with
 * hostile arguments. Each answer is a redirect within the console or a refusal in the error
 * vocabulary, never a 5xx, and the cloud sees no call that changes anything. The actions are fuzzed
 * in four parts, each a test with its own time budget, declared by `fuzzParts` from two spec files
 * (fuzz.spec.ts on a reading-A pair, fuzz-more.spec.ts on the reading-B pair) so that they run side by side.
 */
export const actions = manifestActions();

/** Targeted payloads beyond the generic corpus: acme's own things used where they make no sense. */
const TARGETED: Record<string, unknown[]> = {
  // Accepting or rejecting your own image: not shared with you, so nothing to send.
  acceptImagesAction: [{ imageIds: [ACME.ubuntu] }],
  rejectImagesAction: [{ imageIds: [ACME.ubuntu] }],
  acceptPhoneImagesAction: [{ imageIds: [ACME.phoneNoMembers] }],
  rejectPhoneImagesAction: [{ imageIds: [ACME.phoneNoMembers] }],
  // Every member of a phone image, with a name that is not the image's: refused, as a plain object too.
  unsharePhoneImageAction: [{ imageId: ACME.phoneNoMembers, all: "1", confirmName: "<b>cph-android12-base</b>" }],
  unshareMembersAction: [{ imageId: ACME.encrypted, all: true, confirmName: "centos-7-encrypted" }],
};

/**
 * The fuzz signs in itself: it posts the sign-out and project-switch actions with the session it
 * holds, which would end or move a stored session the other tests share.
 */
export async function signIn(page: Page, login: { goto(): Promise<void>; signIn(who: "alice"): Promise<void> }) {
  await login.goto();
  await login.signIn("alice");
  await expect(page).toHaveURL(HOME);
}

/** Batches still being sent by the tracker would make calls of their own while the fuzz counts. */
async function trackerIdle() {
  await expect
    .poll(async () => (await query<{ n: number }>("select count(*) as n from batches where status = 'running'"))[0].n, {
      timeout: 60_000,
    })
    .toBe(0);
}

/** Hostile posts made, for RELIABILITY.md (scripts/reliability.mjs reads the `tried` annotation). */
let posted = 0;

/** Posts every payload, and returns one line per answer that was wrong or that changed the cloud. */
async function fuzz(
  request: APIRequestContext,
  origin: string,
  action: ManifestAction,
  spec: ActionSpec,
): Promise<string[]> {
  const failures: string[] = [];
  const bodies: { label: string; body: string | Buffer; type?: string }[] = [
    ...payloadsOf(spec).map((args) => ({ label: JSON.stringify(args).slice(0, 120), body: JSON.stringify(args) })),
    ...(TARGETED[action.name] ?? []).map((p) => ({
      label: `targeted ${JSON.stringify(p)}`,
      body: JSON.stringify([null, p]),
    })),
    ...RAW_BODIES.map((raw) => ({ label: `raw ${raw}`, body: raw })),
  ];
  if (spec.form) {
    for (const p of [spec.base, ...(TARGETED[action.name] ?? [])] as Record<string, unknown>[]) {
      for (const value of ["<script>alert(1)</script>", "../../etc/passwd", "\u202E\u0000\uFEFF"]) {
        for (const field of Object.keys(p)) {
          const { body, contentType } = multipartOf({ ...p, [field]: value });
          bodies.push({ label: `form ${field}=${value.slice(0, 30)}`, body, type: contentType });
        }
      }
      // Over the body limit, refused before any field is read: one field is enough.
      const [first] = Object.keys(p);
      if (first) {
        const { body, contentType } = multipartOf({ ...p, [first]: "x".repeat(1 << 20) });
        bodies.push({ label: `form ${first}=1 MB`, body, type: contentType });
      }
    }
  }
  // The cloud's counts are read around the action's whole corpus, and only when they moved around each
  // body again, to name it: half the round trips, and the same finding when one gets through.
  const post = async ({ label, body, type }: (typeof bodies)[number], byBody: boolean) => {
    const before = byBody ? await mutations() : undefined;
    const res = await postAction(request, origin, action, body, type);
    posted++;
    const problem = await problemOf(res, spec.mayAccept ?? false);
    if (problem && !byBody) failures.push(`${action.name} ${label}: ${problem}`);
    const changed = before ? grown(before, await mutations()) : [];
    if (changed.length) failures.push(`${action.name} ${label}: the cloud got ${changed.join(", ")}`);
  };
  const before = await mutations();
  for (const body of bodies) await post(body, false);
  const changed = grown(before, await mutations());
  if (changed.length) {
    failures.push(`${action.name}: the cloud got ${changed.join(", ")} during its corpus`);
    for (const body of bodies) await post(body, true);
  }
  return failures;
}

// Signing out ends the session the others use: last. In quarters, each with its own time budget: on a
// busy CI machine a half took over four minutes (alone here, 46 s).
const ordered = [...actions].sort((a, b) => Number(a.name === "signOutAction") - Number(b.name === "signOutAction"));
const PARTS = 4;
const size = Math.ceil(ordered.length / PARTS);
const quarters = Array.from({ length: PARTS }, (_, i) => ordered.slice(i * size, (i + 1) * size));

/** Declares the fuzz tests of these parts (0-based). */
export function fuzzParts(which: number[]): void {
  for (const part of which) {
    const quarter = quarters[part];
    test(`every server action refuses hostile input clearly (part ${part + 1} of ${PARTS}): no 5xx, vocabulary codes, no cloud change`, async ({
      page,
      login,
      baseURL,
    }) => {
      test.setTimeout(240_000);
      await signIn(page, login);
      await trackerIdle();
      const failures: string[] = [];
      const before = posted;
      for (const action of quarter) {
        failures.push(...(await fuzz(page.request, baseURL as string, action, ACTIONS[action.name])));
      }
      test.info().annotations.push({ type: "tried", description: String(posted - before) });
      expect(failures).toEqual([]);
    });
  }
}
