import "server-only";
import type { StoredSession } from "@/lib/auth/session-store";
import { parseManifest } from "./parse";
import { driftOf, planManifest } from "./plan";
import type { ManifestPlan, ManifestPlanPair } from "./types";
import type { DriftEntry } from "./watches";
import { loadManifestWorld, type ManifestContext } from "./world";

/**
 * A manifest's text planned against the cloud as the context sees it: parsed (refused with its lines),
 * the world loaded, every pair decided. The page, the API and the drift watcher all plan through here.
 */
export async function planFromSource(source: string, ctx: ManifestContext): Promise<ManifestPlan> {
  const manifest = parseManifest(source);
  return planManifest(manifest, await loadManifestWorld(manifest, ctx));
}

/**
 * What differs between a manifest and the cloud (lib/manifest/plan `driftOf`), each pair as missing
 * (`add`) or not in the file (`remove`), blocked ones by the change held back. A manifest that no
 * longer parses throws its sentence, as for any plan.
 */
export async function compareWithCloud(
  source: string,
  session: StoredSession,
): Promise<{ drift: DriftEntry[]; digest: string }> {
  const scope = { token: session.token, region: session.region, projectId: session.projectId };
  const plan = await planFromSource(source, { scope, session });
  return { drift: driftOf(plan).map(entryOf), digest: plan.digest };
}

function entryOf(p: ManifestPlanPair): DriftEntry {
  return {
    action: p.action === "blocked" ? (p.change ?? "add") : p.action === "remove" ? "remove" : "add",
    image: p.image,
    imageName: p.imageName,
    service: p.service,
    target: { kind: p.target.kind, value: p.target.value, memberId: p.target.memberId },
    ...(p.memberStatus && { memberStatus: p.memberStatus }),
  };
}
