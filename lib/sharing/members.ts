import "server-only";
import { listPhoneImageMembers } from "@/lib/cloud/cph";
import { CloudError } from "@/lib/cloud/errors";
import { listImageMembers, type Scope } from "@/lib/cloud/ims";
import { failureReason, type ImageService, type Pair, type PairOutcome } from "./pairs";
import { mapPool } from "./pool";
import { ownStatuses } from "./recipient";

/** The state a change should bring a pair to: a member there or gone (owner), or the recipient's answer. */
export type Expect = "present" | "absent" | "accepted" | "rejected";

/** Per image, each member id with its status (CPH keeps none: its members read as `accepted`). */
export type MemberStates = Map<string, Map<string, string>>;

/** An image that no longer exists has no members; any other failure is not an answer. */
function gone(e: unknown): [] {
  if (e instanceof CloudError && e.status === 404) return [];
  throw e;
}

/** The members of each image as its owner reads them, `concurrency` reads at a time. */
export async function readMembers(
  scope: Scope,
  service: ImageService,
  images: readonly string[],
  concurrency = 10,
): Promise<MemberStates> {
  const unique = [...new Set(images)];
  const lists = await mapPool(unique, concurrency, async (image) => {
    const members =
      service === "cph"
        ? (await listPhoneImageMembers(scope, image).catch(gone)).map((m) => [m.member_id, "accepted"] as const)
        : (await listImageMembers(scope, image).catch(gone)).map((m) => [m.member_id, m.status] as const);
    return [image, new Map<string, string>(members)] as const;
  });
  return new Map(lists);
}

/**
 * The recipient's own membership of each image (accept, reject), as `MemberStates` keyed by the
 * project itself; read whether or not the cloud lets a recipient list members (D3).
 */
export async function readOwnMemberships(scope: Scope, images: readonly string[]): Promise<MemberStates> {
  const own = await ownStatuses(scope, [...new Set(images)]);
  return new Map(
    [...own].map(([image, status]) => [image, new Map(status ? [[scope.projectId, status]] : [])] as const),
  );
}

/** Whether a member's status (undefined: not a member) is the state the change wanted. */
export function reached(expect: Expect, status: string | undefined): boolean {
  if (expect === "present") return status !== undefined;
  if (expect === "absent") return status === undefined;
  return status === expect;
}

/** Each pair's outcome from the members read back: succeeded where it reached `expect`, else failed with `code`. */
export function settleFromMembers<P extends Pair>(
  pairs: readonly P[],
  states: MemberStates,
  expect: Expect,
  code = "not_applied",
): (P & PairOutcome)[] {
  return pairs.map((p) =>
    reached(expect, states.get(p.image)?.get(p.target))
      ? { ...p, outcome: "succeeded" as const }
      : { ...p, outcome: "failed" as const, code, reason: failureReason(code) },
  );
}

/** Reads back and settles in one: the members (owner) or the own memberships (recipient) the pairs touch. */
export async function readBack<P extends Pair>(
  scope: Scope,
  service: ImageService,
  pairs: readonly P[],
  expect: Expect,
  code?: string,
): Promise<(P & PairOutcome)[]> {
  const images = pairs.map((p) => p.image);
  const states =
    expect === "accepted" || expect === "rejected"
      ? await readOwnMemberships(scope, images)
      : await readMembers(scope, service, images);
  return settleFromMembers(pairs, states, expect, code);
}
