import type {
  AccessKey,
  Account,
  CphImage,
  CphMember,
  ImsImage,
  ImsJob,
  ImsMember,
  Organization,
  OrgUnit,
  Project,
  Token,
  Trace,
  User,
  Vault,
  WorldData,
} from "./types";
import type { SmnMessage, SmnTopic } from "./smn";

const ORG_URN = /^organizations::([0-9a-f]{32}):(?:organization:(o-[a-z0-9]+)|ou:(o-[a-z0-9]+)\/(ou-[a-z0-9-]+))$/;

/** A parsed Organizations URN: the root of an organization or one of its units. */
export interface OrgTarget {
  urn: string;
  org: Organization;
  unit?: OrgUnit;
  /** The member id written on the member: the OU id, or the organization id for the root. */
  memberId: string;
}

/**
 * The in-memory state with the indexes the routes need. Mutations go through methods or through
 * the member maps; every mutation calls `touch()` so that `--state` knows to write.
 */
export class World {
  readonly accounts = new Map<string, Account>();
  readonly projects = new Map<string, Project>();
  readonly users = new Map<string, User>();
  /** AK → pair. */
  readonly accessKeys = new Map<string, AccessKey>();
  readonly organizations = new Map<string, Organization>();
  readonly images = new Map<string, ImsImage>();
  /** image id → member id → member, in insertion (= creation) order. */
  readonly members = new Map<string, Map<string, ImsMember>>();
  readonly jobs = new Map<string, ImsJob>();
  readonly cphImages = new Map<string, CphImage>();
  /** CPH image id → member project id → member. */
  readonly cphMembers = new Map<string, Map<string, CphMember>>();
  readonly vaults = new Map<string, Vault>();
  /** project id → traces, oldest first. */
  readonly traces = new Map<string, Trace[]>();
  readonly tokens = new Map<string, Token>();
  /** Topic URN → topic. */
  readonly smnTopics = new Map<string, SmnTopic>();
  /** Every message SMN accepted, oldest first. */
  readonly smnMessages: SmnMessage[] = [];
  /** Bumped by every mutation. */
  version = 0;

  constructor(data: WorldData) {
    for (const a of data.accounts) this.accounts.set(a.id, a);
    for (const p of data.projects) this.projects.set(p.id, p);
    for (const u of data.users) this.users.set(u.id, u);
    for (const k of data.accessKeys ?? []) this.accessKeys.set(k.ak, k);
    for (const o of data.organizations) this.organizations.set(o.id, o);
    for (const i of data.images) this.images.set(i.id, i);
    for (const m of data.members) this.membersOf(m.imageId).set(m.memberId, m);
    for (const j of data.jobs) this.jobs.set(j.id, j);
    for (const i of data.cphImages) this.cphImages.set(i.id, i);
    for (const m of data.cphMembers) this.cphMembersOf(m.imageId).set(m.memberId, m);
    for (const v of data.vaults) this.vaults.set(v.id, v);
    for (const t of data.traces) this.tracesOf(t.projectId).push(t);
    for (const [k, t] of data.tokens) this.tokens.set(k, t);
    for (const t of data.smnTopics ?? []) this.smnTopics.set(t.urn, t);
    this.smnMessages.push(...(data.smnMessages ?? []));
  }

  touch(): void {
    this.version++;
  }

  accountByName(name: string): Account | undefined {
    for (const a of this.accounts.values()) if (a.name === name) return a;
    return undefined;
  }

  userByName(domainId: string, name: string): User | undefined {
    for (const u of this.users.values()) if (u.domainId === domainId && u.name === name) return u;
    return undefined;
  }

  projectByName(domainId: string, name: string): Project | undefined {
    for (const p of this.projects.values()) if (p.domainId === domainId && p.name === name) return p;
    return undefined;
  }

  projectsOf(domainId: string): Project[] {
    return [...this.projects.values()].filter((p) => p.domainId === domainId);
  }

  membersOf(imageId: string): Map<string, ImsMember> {
    let m = this.members.get(imageId);
    if (!m) {
      m = new Map();
      this.members.set(imageId, m);
    }
    return m;
  }

  memberCount(imageId: string): number {
    return this.members.get(imageId)?.size ?? 0;
  }

  cphMembersOf(imageId: string): Map<string, CphMember> {
    let m = this.cphMembers.get(imageId);
    if (!m) {
      m = new Map();
      this.cphMembers.set(imageId, m);
    }
    return m;
  }

  tracesOf(projectId: string): Trace[] {
    let t = this.traces.get(projectId);
    if (!t) {
      t = [];
      this.traces.set(projectId, t);
    }
    return t;
  }

  /**
   * The member entry through which a project sees an image: its own project entry first, then an
   * entry for its account, then one for an organization or unit its account belongs to.
   */
  membershipOf(imageId: string, projectId: string): ImsMember | undefined {
    const members = this.members.get(imageId);
    if (!members || members.size === 0) return undefined;
    const direct = members.get(projectId);
    if (direct) return direct;
    const project = this.projects.get(projectId);
    if (!project) return undefined;
    const image = this.images.get(imageId);
    const owner = image && this.projects.get(image.owner);
    if (owner && owner.region !== project.region) return undefined;
    const domain = members.get(project.domainId);
    if (domain && domain.memberType === "domain") return domain;
    for (const m of members.values()) {
      if (m.memberType === "organization" && this.orgMemberIncludes(m, project.domainId)) return m;
    }
    return undefined;
  }

  parseOrgUrn(urn: string): OrgTarget | undefined {
    const match = ORG_URN.exec(urn);
    if (!match) return undefined;
    const [, ownerDomainId, rootId, orgId, unitId] = match;
    const org = this.organizations.get(rootId ?? orgId);
    if (!org || org.ownerDomainId !== ownerDomainId) return undefined;
    if (rootId) return { urn, org, memberId: org.id };
    const unit = org.units.find((u) => u.id === unitId);
    return unit ? { urn, org, unit, memberId: unit.id } : undefined;
  }

  /** The organization an account manages or belongs to (through one of its units). */
  organizationOf(domainId: string): Organization | undefined {
    for (const o of this.organizations.values()) {
      if (o.ownerDomainId === domainId || o.units.some((u) => u.domainIds.includes(domainId))) return o;
    }
    return undefined;
  }

  private orgMemberIncludes(member: ImsMember, domainId: string): boolean {
    const target = member.urn ? this.parseOrgUrn(member.urn) : undefined;
    if (!target) return false;
    const units = target.unit ? unitSubtree(target.org, target.unit) : target.org.units;
    return units.some((u) => u.domainIds.includes(domainId));
  }

  toData(): WorldData {
    return {
      accounts: [...this.accounts.values()],
      projects: [...this.projects.values()],
      users: [...this.users.values()],
      accessKeys: [...this.accessKeys.values()],
      organizations: [...this.organizations.values()],
      images: [...this.images.values()],
      members: [...this.members.values()].flatMap((m) => [...m.values()]),
      jobs: [...this.jobs.values()],
      cphImages: [...this.cphImages.values()],
      cphMembers: [...this.cphMembers.values()].flatMap((m) => [...m.values()]),
      vaults: [...this.vaults.values()],
      traces: [...this.traces.values()].flat(),
      tokens: [...this.tokens.entries()],
      smnTopics: [...this.smnTopics.values()],
      smnMessages: [...this.smnMessages],
    };
  }
}

/** A unit and every unit nested in it, however deep. */
export function unitSubtree(org: Organization, unit: OrgUnit): OrgUnit[] {
  const found = [unit];
  for (let i = 0; i < found.length; i++) {
    for (const u of org.units) if (u.parentId === found[i].id && !found.includes(u)) found.push(u);
  }
  return found;
}
