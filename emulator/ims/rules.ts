import type { Emu } from "../core/context";
import { HEX32 } from "../core/ids";
import type { ImsImage, ImsMember, JobTarget, MemberStatus, Project } from "../store/types";

/** The acting project and account of a member operation. */
export interface Actor {
  project: Project;
}

/** Why an image cannot be shared at all (the per-image rules of section 11.4), or undefined. */
export function shareBlock(emu: Emu, image: ImsImage): string | undefined {
  if (image.imagetype === "gold") return "IMG.0089";
  if (image.status !== "active") return "IMG.0046";
  if (image.imagetype === "market") return "IMG.0105";
  if (image.encryption && (image.encryption.defaultKey || !emu.config.allowCustomKeySharing)) return "IMG.0098";
  if (image.kind === "whole" && !image.backupId) return "IMG.0135";
  const region = emu.world.projects.get(image.owner)?.region;
  if (image.osType === "Windows" && region && emu.config.windowsRestrictedRegions.includes(region)) return "IMG.0105";
  return undefined;
}

export function memberLimit(emu: Emu, image: ImsImage): number {
  return image.kind === "whole" ? emu.config.wholeImageMemberLimit : emu.config.memberLimit;
}

/** Members that count toward the limit: all of them, or only accepted ones (configurable). */
export function countedMembers(emu: Emu, imageId: string): number {
  const members = emu.world.members.get(imageId);
  if (!members) return 0;
  if (emu.config.limitCountsAllStatuses) return members.size;
  let n = 0;
  for (const m of members.values()) if (m.status === "accepted") n++;
  return n;
}

/** An image the actor can see: owned, public, or shared with it in any status. */
export function visibleImage(emu: Emu, imageId: string, actor: Actor): ImsImage | undefined {
  const image = emu.world.images.get(imageId);
  if (!image || image.status === "deleted") return undefined;
  if (image.owner === actor.project.id || image.imagetype === "gold") return image;
  return emu.world.membershipOf(imageId, actor.project.id) ? image : undefined;
}

/** Where a target of an add or delete points; undefined when it does not resolve (IMG.0108). */
function resolveTarget(emu: Emu, actor: Actor, target: JobTarget): string | undefined {
  if (target.type === "project") {
    if (target.id === actor.project.id) return "IMG.0076";
    const project = emu.world.projects.get(target.id);
    if (!project) return "IMG.0108";
    if (project.region !== actor.project.region) return emu.config.otherRegionCode;
    return undefined;
  }
  if (target.type === "domain") {
    if (target.id === actor.project.domainId) return "IMG.0076";
    return emu.world.accounts.has(target.id) ? undefined : "IMG.0108";
  }
  return target.urn && emu.world.parseOrgUrn(target.urn) ? undefined : "IMG.0108";
}

export type Outcome = { ok: true; changed: boolean } | { ok: false; code: string };

const ok = (changed: boolean): Outcome => ({ ok: true, changed });
const fail = (code: string): Outcome => ({ ok: false, code });

/** Owner-side checks of one add pair; `extra` counts members the same batch adds before this pair. */
export function checkAdd(emu: Emu, actor: Actor, imageId: string, target: JobTarget, extra = 0): Outcome {
  const image = visibleImage(emu, imageId, actor);
  if (!image) return fail("IMG.0027");
  if (image.imagetype === "gold") return fail("IMG.0089");
  if (image.owner !== actor.project.id) return fail("IMG.0047");
  const block = shareBlock(emu, image);
  if (block) return fail(block);
  const targetError = resolveTarget(emu, actor, target);
  if (targetError) return fail(targetError);
  if (emu.world.members.get(imageId)?.has(target.id)) return ok(false);
  // Members a batch adds are pending, so they only count when pending members do.
  const batchExtra = emu.config.limitCountsAllStatuses ? extra : 0;
  if (countedMembers(emu, imageId) + batchExtra >= memberLimit(emu, image)) return fail("IMG.0088");
  return ok(true);
}

export function applyAdd(emu: Emu, actor: Actor, imageId: string, target: JobTarget): Outcome {
  const outcome = checkAdd(emu, actor, imageId, target);
  if (!outcome.ok || !outcome.changed) return outcome;
  const now = emu.clock.now();
  const member: ImsMember = {
    imageId,
    memberId: target.id,
    memberType: target.type,
    status: "pending",
    createdAt: now,
    updatedAt: now,
    ...(target.urn ? { urn: target.urn } : {}),
  };
  emu.world.membersOf(imageId).set(target.id, member);
  emu.changed();
  return outcome;
}

export function checkDelete(emu: Emu, actor: Actor, imageId: string, target: JobTarget): Outcome {
  const image = visibleImage(emu, imageId, actor);
  if (!image) return fail("IMG.0027");
  if (image.owner !== actor.project.id) return fail("IMG.0047");
  return ok(Boolean(emu.world.members.get(imageId)?.has(target.id)));
}

export function applyDelete(emu: Emu, actor: Actor, imageId: string, target: JobTarget): Outcome {
  const outcome = checkDelete(emu, actor, imageId, target);
  if (outcome.ok && outcome.changed) {
    emu.world.members.get(imageId)?.delete(target.id);
    emu.changed();
  }
  return outcome;
}

/** Consumer-side checks of an accept or reject, including the vault of a full-ECS image. */
export function checkUpdate(emu: Emu, actor: Actor, imageId: string, status: MemberStatus, vaultId?: string): Outcome {
  // An existing image the caller is no member of gets the not-member code, not "does not exist".
  const image = emu.world.images.get(imageId);
  if (!image || image.status === "deleted") return fail("IMG.0027");
  if (image.owner === actor.project.id) return fail(emu.config.notMemberCode);
  const membership = emu.world.membershipOf(imageId, actor.project.id);
  if (!membership) return fail(emu.config.notMemberCode);
  if (status === "accepted" && image.kind === "whole" && image.backupId) {
    const vaultError = checkVault(emu, actor, image, vaultId);
    if (vaultError) return fail(vaultError);
  }
  return ok(membership.status !== status);
}

export function applyUpdate(emu: Emu, actor: Actor, imageId: string, status: MemberStatus, vaultId?: string): Outcome {
  const outcome = checkUpdate(emu, actor, imageId, status, vaultId);
  if (!outcome.ok) return outcome;
  const membership = emu.world.membershipOf(imageId, actor.project.id);
  if (membership) {
    membership.status = status;
    membership.updatedAt = emu.clock.now();
    emu.changed();
  }
  return outcome;
}

function checkVault(emu: Emu, actor: Actor, image: ImsImage, vaultId?: string): string | undefined {
  const vault = vaultId ? emu.world.vaults.get(vaultId) : undefined;
  if (!vault || vault.projectId !== actor.project.id) return "IMG.0184";
  if (vault.objectType !== "server" || vault.protectType !== "backup") return "IMG.0193";
  if (vault.status !== "available") return "IMG.0188";
  const freeMb = vault.sizeGb * 1024 - vault.usedMb;
  if (freeMb * 1024 * 1024 < image.sizeBytes) return "IMG.0182";
  return undefined;
}

/** Project targets are 32 lower-case hex; used by both validation and lookups. */
export function isProjectId(id: string): boolean {
  return HEX32.test(id);
}
