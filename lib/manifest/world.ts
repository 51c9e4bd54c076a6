import "server-only";
import type { StoredSession } from "@/lib/auth/session-store";
import type { Scope } from "@/lib/cloud/ims";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { ownProjects } from "@/lib/sharing/facts";
import { activeLeases } from "@/lib/sharing/leases";
import { loadPolicyCheck } from "@/lib/sharing/policy";
import type { Target } from "@/lib/sharing/targets";
import { listOwnImages, withMembers } from "./own";
import type { Manifest } from "./schema";
import { selectImages } from "./select";
import type { ManifestWorld } from "./types";

/** Who a manifest is planned for: the session's project, its token and region. */
export interface ManifestContext {
  scope: Scope;
  session: StoredSession;
}

const label = (id: string, projects: { id: string; name: string }[]) => {
  const name = projects.find((p) => p.id === id)?.name;
  return name ? `${name} (${id})` : id;
};

/** Refuses a file written for another region or project, naming the one it is for. */
async function checkPlace(manifest: Manifest, ctx: ManifestContext): Promise<void> {
  const { region, projectId } = ctx.scope;
  if (manifest.region !== undefined && manifest.region !== region)
    throw new UserError(
      "invalid_input",
      text("manifest.errors.otherRegion", { region: manifest.region, current: region }),
      "manifest",
    );
  if (manifest.project === undefined || manifest.project === projectId) return;
  const projects = await ownProjects(ctx.session);
  const values = { project: label(manifest.project, projects), current: label(projectId, projects) };
  throw new UserError("invalid_input", text("manifest.errors.otherProject", values), "manifest");
}

/**
 * Everything a manifest's plan is decided from, read from the cloud and the database as they are now:
 * the project's own images (IMS and CPH), the members of those the manifest owns (one read per image,
 * concurrently), their active end dates, the user's projects and the account's sharing policy. A file
 * for another region or project is refused first.
 */
export async function loadManifestWorld(manifest: Manifest, ctx: ManifestContext): Promise<ManifestWorld> {
  await checkPlace(manifest, ctx);
  const { scope, session } = ctx;
  const [listed, knownProjects, db] = await Promise.all([listOwnImages(scope), ownProjects(session), getDb()]);
  const selection = selectImages(
    manifest,
    listed.map((i) => i.facts),
  );
  const owned = new Set(selection.owned.keys());
  const [images, leases] = await Promise.all([
    withMembers(scope, listed, owned),
    activeLeases(db, scope.projectId, [...owned]),
  ]);
  const wanted = new Map<string, Target>();
  for (const desired of selection.owned.values())
    for (const t of desired.values()) wanted.set(t.memberId, { kind: t.kind, value: t.value, memberId: t.memberId });
  const ownedFacts = images.filter((i) => owned.has(i.facts.id)).map((i) => i.facts);
  const check =
    wanted.size > 0
      ? await loadPolicyCheck(scope, session, knownProjects, ownedFacts, [...wanted.values()])
      : undefined;
  return {
    owner: { projectId: scope.projectId, accountId: session.accountId, region: scope.region },
    knownProjects,
    images,
    leases: leases.map((l) => ({ imageId: l.image_id, memberId: l.member_id, endsAt: Number(l.ends_at) })),
    ...(check && { check }),
    now: Date.now(),
  };
}
