import type { SmnTopic } from "../store/smn";
import type { CphImage, ImsImage, ImsMember, MemberStatus, Project, User, Vault } from "../store/types";
import { FULL_ACCESS } from "../store/types";

export const DAY = 24 * 3600 * 1000;

export function project(id: string, name: string, domainId: string): Project {
  return { id, name, region: name.split("_")[0], domainId, description: "" };
}

export function user(id: string, name: string, password: string, domainId: string, permissions = FULL_ACCESS): User {
  return { id, name, password, domainId, permissions, enabled: true };
}

/** A shareable Linux system-disk image unless `over` says otherwise. */
export function image(
  id: string,
  name: string,
  owner: string,
  createdAt: number,
  over: Partial<ImsImage> = {},
): ImsImage {
  return {
    id,
    name,
    owner,
    status: "active",
    kind: "system",
    imagetype: "private",
    osType: "Linux",
    platform: "Ubuntu",
    osVersion: "Ubuntu 22.04 server 64bit",
    osBit: "64",
    diskFormat: "zvhd2",
    minDisk: 40,
    minRam: 0,
    sizeBytes: 2_147_483_648,
    architecture: "x86",
    tags: [],
    protected: false,
    createdAt,
    updatedAt: createdAt,
    ...over,
  };
}

export function member(
  imageId: string,
  memberId: string,
  status: MemberStatus,
  createdAt: number,
  updatedAt = createdAt,
): ImsMember {
  return { imageId, memberId, memberType: "project", status, createdAt, updatedAt };
}

export function cphImage(id: string, name: string, p: Project, createdAt: number, version = "Android 12"): CphImage {
  return {
    id,
    name,
    projectId: p.id,
    domainId: p.domainId,
    status: 1,
    version,
    sizeBytes: 8_589_934_592,
    createdAt,
    updatedAt: createdAt,
  };
}

export function vault(
  id: string,
  name: string,
  projectId: string,
  createdAt: number,
  over: Partial<Vault> = {},
): Vault {
  return {
    id,
    name,
    description: "",
    projectId,
    objectType: "server",
    protectType: "backup",
    status: "available",
    sizeGb: 200,
    usedMb: 20_480,
    createdAt,
    ...over,
  };
}

/** An SMN topic of a project, with the URN SMN gives it: `urn:smn:{region}:{project_id}:{name}`. */
export function smnTopic(p: Project, name: string, displayName: string, topicId: string, createdAt: number): SmnTopic {
  return {
    urn: `urn:smn:${p.region}:${p.id}:${name}`,
    projectId: p.id,
    name,
    displayName,
    topicId,
    pushPolicy: 0,
    enterpriseProjectId: "0",
    createdAt,
    updatedAt: createdAt,
  };
}

/** A made-up 32-hex project id of another account, for filler members. */
export function fillerProjectId(prefix: string, n: number): string {
  return prefix + n.toString(16).padStart(32 - prefix.length, "0");
}
