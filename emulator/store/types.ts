/** The emulator's data model (reference section 11.2). Times are epoch milliseconds. */

import type { SmnMessage, SmnTopic } from "./smn";

export type Permission =
  | "ims:images:get"
  | "ims:images:share"
  | "cph:images:get"
  | "cph:images:share"
  | "cts:trace:list"
  | "cbr:vaults:list"
  | "smn:topic:list"
  | "smn:topic:publish";

export const FULL_ACCESS: Permission[] = [
  "ims:images:get",
  "ims:images:share",
  "cph:images:get",
  "cph:images:share",
  "cts:trace:list",
  "cbr:vaults:list",
  "smn:topic:list",
  "smn:topic:publish",
];
export const READ_ONLY: Permission[] = [
  "ims:images:get",
  "cph:images:get",
  "cts:trace:list",
  "cbr:vaults:list",
  "smn:topic:list",
];

export interface Account {
  id: string;
  name: string;
}

export interface Project {
  id: string;
  /** Region projects are named after their region (`ap-southeast-1`); sub-projects `region_suffix`. */
  name: string;
  region: string;
  domainId: string;
  description: string;
}

export interface User {
  id: string;
  name: string;
  password: string;
  domainId: string;
  permissions: Permission[];
  enabled: boolean;
}

/** A permanent AK/SK pair of an IAM user (what Huawei's SDKs sign requests with). */
export interface AccessKey {
  ak: string;
  sk: string;
  userId: string;
  status: "active" | "inactive";
  /** Absent in state files written before IAM's credentials API: shown as the Unix epoch. */
  createdAt?: number;
}

export interface OrgUnit {
  id: string;
  domainIds: string[];
  /** Absent in state files written before the Organizations API: the id without `ou-` is its name. */
  name?: string;
  /** The unit it sits in; absent for a unit directly under the root. */
  parentId?: string;
}

export interface Organization {
  id: string;
  /** The management account, named in every URN of the organization. */
  ownerDomainId: string;
  units: OrgUnit[];
  /** Absent in state files written before the Organizations API (then the epoch). */
  createdAt?: number;
}

export type ImageKind = "system" | "data" | "whole";
export type ImageStatus = "active" | "queued" | "saving" | "deleted" | "killed";

export interface ImsImage {
  id: string;
  name: string;
  /** Owner project id. */
  owner: string;
  status: ImageStatus;
  kind: ImageKind;
  /** `gold` images are public; `market` images are marketplace images. */
  imagetype: "private" | "gold" | "market";
  osType: "Linux" | "Windows" | "Other";
  platform: string;
  osVersion: string;
  osBit: "32" | "64";
  diskFormat: string;
  minDisk: number;
  minRam: number;
  sizeBytes: number;
  architecture: "x86" | "arm";
  /** Present when the image is encrypted. */
  encryption?: { cmkId: string; defaultKey: boolean };
  /** Full-ECS images created from a CBR backup carry the backup id. */
  backupId?: string;
  tags: string[];
  protected: boolean;
  createdAt: number;
  updatedAt: number;
}

export type MemberStatus = "pending" | "accepted" | "rejected";
export type MemberType = "project" | "domain" | "organization";

export interface ImsMember {
  imageId: string;
  /** Project id, account id, or organization/OU id. */
  memberId: string;
  memberType: MemberType;
  /** Organizations URN, for organization members. */
  urn?: string;
  status: MemberStatus;
  createdAt: number;
  updatedAt: number;
}

export type JobType = "imsAddImageMembersJob" | "imsUpdateImageMembersJob" | "imsDelImageMembersJob";
export type JobStatus = "INIT" | "RUNNING" | "SUCCESS" | "FAIL";

export interface JobTarget {
  type: MemberType;
  id: string;
  urn?: string;
}

export interface JobItem {
  imageId: string;
  /** The member to add or remove; for accept/reject jobs, the caller's own membership. */
  target: JobTarget;
  state: "waiting" | "success" | "failed";
  errorCode?: string;
  message?: string;
}

export interface ImsJob {
  id: string;
  type: JobType;
  /** The submitting project: only it may read the job. */
  projectId: string;
  userId: string;
  status: JobStatus;
  beginTime: number;
  endTime: number | null;
  errorCode: string | null;
  failReason: string | null;
  items: JobItem[];
  /** Accept/reject jobs. */
  update?: { status: "accepted" | "rejected"; vaultId?: string };
  /** Timing fixed at submission, so a config change does not reorder running jobs. */
  timing: { initMs: number; itemMs: number };
  /** Stuck jobs stay RUNNING (fault injection). */
  stuck: boolean;
}

export interface CphImage {
  id: string;
  name: string;
  projectId: string;
  domainId: string;
  /** 0 creating, 1 usable, 2 creation failed. */
  status: 0 | 1 | 2;
  version: string;
  sizeBytes: number;
  createdAt: number;
  updatedAt: number;
}

export interface CphMember {
  imageId: string;
  memberId: string;
  status: MemberStatus;
  createTime: number;
  updateTime: number;
}

export interface Vault {
  id: string;
  name: string;
  description: string;
  projectId: string;
  objectType: "server" | "disk";
  protectType: "backup" | "replication" | "hybrid";
  status: "available" | "lock" | "frozen" | "deleting" | "error";
  sizeGb: number;
  usedMb: number;
  createdAt: number;
}

/** A CTS trace as served (section 10.1), plus the project it belongs to. */
export interface Trace {
  projectId: string;
  trace_id: string;
  trace_name: string;
  trace_rating: "normal" | "warning" | "incident";
  trace_type: "ApiCall";
  service_type: "IMS" | "CPH";
  resource_type: "image";
  resource_id: string;
  resource_name: string;
  api_version: string;
  code: string;
  request: string;
  response: string;
  message: string;
  time: number;
  record_time: number;
  source_ip: string;
  request_id: string;
  read_only: boolean;
  user: {
    id: string;
    name: string;
    user_name: string;
    account_id: string;
    domain: { id: string; name: string };
    principal_is_root_user: "true" | "false";
    type: "User";
    invoked_by: string[];
  };
}

export interface Token {
  userId: string;
  /** Project scope; absent for domain-scoped tokens. */
  projectId?: string;
  domainScoped: boolean;
  methods: string[];
  issuedAt: number;
  expiresAt: number;
}

/** Everything the emulator knows, as plain data (what `--state` writes). */
export interface WorldData {
  accounts: Account[];
  projects: Project[];
  users: User[];
  /** Absent in state files written before AK/SK support. */
  accessKeys?: AccessKey[];
  organizations: Organization[];
  images: ImsImage[];
  members: ImsMember[];
  jobs: ImsJob[];
  cphImages: CphImage[];
  cphMembers: CphMember[];
  vaults: Vault[];
  traces: Trace[];
  tokens: [string, Token][];
  /** Absent in state files written before SMN. */
  smnTopics?: SmnTopic[];
  /** Absent in state files written before SMN. */
  smnMessages?: SmnMessage[];
}
