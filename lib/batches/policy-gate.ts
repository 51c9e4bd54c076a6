import { listAuthProjects } from "@/lib/cloud/iam";
import { judgePairs, type Target } from "@/lib/policy/evaluate";
import { organizationOf, worldOrganization } from "@/lib/policy/organization";
import { readPolicy } from "@/lib/policy/store";
import { updatePairs, type OpenPair } from "./pair-store";
import type { Step } from "./step";

/** The account's own projects, read once a minute per batch: the gate runs before every call. */
const PROJECTS_TTL_MS = 60_000;
const projectsCache = new Map<string, { at: number; ids: Set<string> }>();

async function ownProjectIds(step: Step): Promise<Set<string>> {
  const hit = projectsCache.get(step.batch.id);
  const now = step.o.now();
  if (hit && now - hit.at < PROJECTS_TTL_MS) return hit.ids;
  const projects = await listAuthProjects(step.scope.token, step.scope.region).catch(() => []);
  const ids = new Set(projects.map((p) => p.id));
  // Batches end: entries past their time go, so that a long-running tracker keeps none of them.
  for (const [batch, entry] of projectsCache) if (now - entry.at >= PROJECTS_TTL_MS) projectsCache.delete(batch);
  projectsCache.set(step.batch.id, { at: now, ids });
  return ids;
}

/**
 * The enforced sharing policy, asked again before the tracker sends: pairs it now denies, or that need
 * approval in a batch no approval launched, are blocked with the rule's reason instead of being sent.
 * A batch that passed at launch goes on unless the policy changed since. Image tags and IMS kinds need
 * the image read from the cloud, so only the launch checks them; names, targets and phone images are
 * checked here too. The rest of the pairs are given back to be sent.
 */
export async function policyGate(step: Step, pairs: OpenPair[]): Promise<OpenPair[]> {
  const { db, batch } = step;
  if (batch.operation !== "share" || pairs.length === 0) return pairs;
  const { policy } = await readPolicy(db, batch.account_id);
  if (policy.mode !== "enforce") return pairs;
  const approved = await db
    .selectFrom("approval_requests")
    .select("id")
    .where("batch_id", "=", batch.id)
    .where("status", "=", "approved")
    .executeTakeFirst();
  const images = new Map((JSON.parse(batch.images) as { id: string; name: string }[]).map((i) => [i.id, i.name]));
  const [organization, ownProjects] = await Promise.all([
    organizationOf(step.scope, batch.account_id),
    ownProjectIds(step),
  ]);
  const world = {
    accountId: batch.account_id,
    ownProjectIds: ownProjects,
    organization: worldOrganization(organization),
    sharedTargets: new Set<string>(),
    sharedImages: new Set<string>(),
  };
  // The batch's size was judged at launch, as a whole; a slice of its pairs is not a plan of its own.
  const judged = judgePairs(
    { ...policy, approvalBatchOver: null },
    world,
    pairs.map((p) => ({
      image: {
        id: p.image_id,
        name: images.get(p.image_id) ?? p.image_id,
        kind: p.service === "cph" ? ("phone" as const) : ("unknown" as const),
        tags: [],
        memberCount: 1,
      },
      target: { kind: p.target_kind as Target["kind"], value: p.target },
    })),
  );
  const held = pairs.flatMap((p, k) => {
    const v = judged[k].verdict;
    return v && (v.verdict === "denied" || (v.verdict === "approval" && !approved)) ? [{ p, because: v.because }] : [];
  });
  if (held.length === 0) return pairs;
  await updatePairs(
    db,
    batch.id,
    held.map(({ p, because }) => ({
      idx: [p.idx],
      set: { status: "blocked" as const, code: "policy_denied", reason: because },
    })),
    step.o.now(),
  );
  const gone = new Set(held.map(({ p }) => p.idx));
  return pairs.filter((p) => !gone.has(p.idx));
}
