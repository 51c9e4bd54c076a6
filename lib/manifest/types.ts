import type { Text } from "@/lib/i18n/text";
import type { Verdict } from "@/lib/policy/evaluate";
import type { ImageService } from "@/lib/sharing/pairs";
import type { PolicyCheck } from "@/lib/sharing/plan";
import type { ImageFacts } from "@/lib/sharing/rules";
import type { Target, TargetKind } from "@/lib/sharing/targets";

/** A member of an own image as the cloud lists it. */
export interface WorldMember {
  memberId: string;
  kind: TargetKind;
  /** What a manifest writes for it (an id, or an organization's URN); absent when IMS gave no URN. */
  value?: string;
  /** IMS members only: CPH does not say. */
  status?: "pending" | "accepted" | "rejected";
}

export interface WorldImage {
  /** The sharing rules' facts (lib/sharing/rules), `memberIds` those of `members`. */
  facts: ImageFacts;
  /** Read for the images the manifest owns; undefined for the others. */
  members?: WorldMember[];
}

/** What the server loaded for a plan: the project's own images and who has them, leases, the policy. */
export interface ManifestWorld {
  owner: { projectId: string; accountId: string; region: string };
  /** The user's own projects (IAM), the only ones whose region the console knows. */
  knownProjects: { id: string; name: string }[];
  images: WorldImage[];
  /** Active end dates of the project's shares (lib/sharing/leases). */
  leases: { imageId: string; memberId: string; endsAt: number }[];
  /** The account's sharing policy (lib/sharing/policy `loadPolicyCheck`); undefined when nothing is to be added. */
  check?: PolicyCheck;
  /** When the world was read (epoch ms): end dates are judged against it. */
  now: number;
}

export type ManifestAction = "add" | "remove" | "keep" | "blocked";

/** One image × target of a plan; `reason` and the warnings are said in the reader's language by the caller. */
export interface ManifestPlanPair {
  image: string;
  imageName: string;
  service: ImageService;
  target: Target;
  action: ManifestAction;
  /** Blocked pairs: the change that is held back (a missing member not added, or an extra one not removed). */
  change?: "add" | "remove";
  /** Keep and remove: the member's status where the service says it (IMS). */
  memberStatus?: "pending" | "accepted" | "rejected";
  reason?: Text;
  /** The sharing policy's verdict on a pair to add (when the policy is on). */
  verdict?: Verdict;
  /** Add: the share's end date. Keep: the member's current end date. ISO. */
  endsAt?: string;
}

export interface ManifestPlan {
  /** SHA-256 (hex) over what would change: apply refuses when the cloud moved since the plan was shown. */
  digest: string;
  counts: Record<ManifestAction, number>;
  warnings: { message: Text }[];
  pairs: ManifestPlanPair[];
}
