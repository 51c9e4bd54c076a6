import type { Ctx, Emu, SignedCaller } from "./emu";
import { gatewayError } from "./errors";
import { signedCaller } from "./signed-caller";
import type { Account, Permission, Project, Token, User } from "../store/types";

export type { Ctx, Emu, EmuEnv } from "./emu";

export interface Session {
  /** How the caller proved who it is: an IAM token, or an AK/SK signature (`X-Project-Id` scoped). */
  credential: { kind: "token"; tokenId: string; token: Token } | { kind: "aksk"; ak: string };
  user: User;
  account: Account;
  /** The project the token is scoped to, or the signed request's `X-Project-Id`. */
  project: Project;
}

/**
 * The API gateway's check for IMS, CPH, CTS and CBR routes. A token: missing or unknown gives
 * `APIGW.0301`, an expired one `APIGW.0307`; a token that is not scoped to a project is unusable here.
 * Without a token, an AK/SK signature (verified by `verifySignatures`) with an `X-Project-Id` of the
 * pair's account; every refusal is `APIGW.0301`.
 */
export function authenticate(c: Ctx, emu: Emu): Session {
  const tokenId = c.req.header("x-auth-token");
  const signed = tokenId === undefined ? signedCaller(c.get("signed")) : undefined;
  if (signed) return signedSession(c, emu, signed);
  const { credential, token, user, account } = tokenCaller(emu, tokenId);
  const project = token.projectId ? emu.world.projects.get(token.projectId) : undefined;
  if (!project) throw refused("the token is not scoped to a project");
  return { credential, user, account, project };
}

/** Who called a global service (Organizations): an account, whatever project or domain it named. */
export type GlobalSession = Omit<Session, "project">;

/**
 * The gateway's check for a global service. [INFERRED] A token scoped to the account's domain or to
 * any of its projects is accepted (the console holds project-scoped tokens); an unscoped one is not.
 * A signature needs `X-Domain-Id` (the SDKs' global credentials) or `X-Project-Id` of the pair's account.
 */
export function authenticateGlobal(c: Ctx, emu: Emu): GlobalSession {
  const tokenId = c.req.header("x-auth-token");
  const signed = tokenId === undefined ? signedCaller(c.get("signed")) : undefined;
  if (signed) {
    const domainId = c.req.header("x-domain-id");
    const projectId = c.req.header("x-project-id");
    if (domainId === undefined && projectId === undefined) throw refused("x-domain-id not found");
    if (domainId !== undefined && domainId !== signed.account.id) {
      throw refused(`domain ${domainId} is not the access key's account`);
    }
    if (projectId !== undefined && emu.world.projects.get(projectId)?.domainId !== signed.account.id) {
      throw refused(`project ${projectId} is not a project of the access key's account`);
    }
    return { credential: { kind: "aksk", ak: signed.accessKey.ak }, user: signed.user, account: signed.account };
  }
  const { credential, token, user, account } = tokenCaller(emu, tokenId);
  if (!token.projectId && !token.domainScoped) throw refused("the token is not scoped to a domain or project");
  return { credential, user, account };
}

function tokenCaller(
  emu: Emu,
  tokenId: string | undefined,
): { credential: { kind: "token"; tokenId: string; token: Token }; token: Token; user: User; account: Account } {
  if (!tokenId) throw refused("x-auth-token not found");
  const token = emu.world.tokens.get(tokenId);
  if (!token) throw refused("verify aksk signature fail or token is invalid");
  if (token.expiresAt <= emu.clock.now()) throw gatewayError(401, "APIGW.0307", "The token must be updated.");
  const user = emu.world.users.get(token.userId);
  const account = user && emu.world.accounts.get(user.domainId);
  if (!user || !account || !user.enabled) throw refused("the user of the token is invalid");
  return { credential: { kind: "token", tokenId, token }, token, user, account };
}

function refused(reason: string) {
  return gatewayError(401, "APIGW.0301", `Incorrect IAM authentication information: ${reason}`);
}

function signedSession(c: Ctx, emu: Emu, signed: SignedCaller): Session {
  const projectId = c.req.header("x-project-id");
  if (!projectId) throw refused("x-project-id not found");
  const project = emu.world.projects.get(projectId);
  if (!project || project.domainId !== signed.account.id) {
    throw refused(`project ${projectId} is not a project of the access key's account`);
  }
  return { credential: { kind: "aksk", ak: signed.accessKey.ak }, user: signed.user, account: signed.account, project };
}

export function can(session: Session, permission: Permission): boolean {
  return session.user.permissions.includes(permission);
}

export type Body = { kind: "empty" } | { kind: "invalid" } | { kind: "json"; value: unknown };

/** Reads a JSON body of any content type (SDKs send a body on DELETE); over the size limit gives 413. */
export async function readBody(c: Ctx, emu: Emu): Promise<Body> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > emu.config.maxBodyBytes) throw tooLarge();
  const text = await c.req.text();
  if (Buffer.byteLength(text) > emu.config.maxBodyBytes) throw tooLarge();
  if (text.trim() === "") return { kind: "empty" };
  try {
    return { kind: "json", value: JSON.parse(text) };
  } catch {
    return { kind: "invalid" };
  }
}

function tooLarge() {
  return gatewayError(413, "APIGW.0201", "Request entity too large");
}

/** A query parameter parsed as an integer in [min, max]; undefined when absent, null when invalid. */
export function intParam(c: Ctx, name: string, min: number, max: number): number | undefined | null {
  const raw = c.req.query(name);
  if (raw === undefined || raw === "") return undefined;
  if (!/^-?\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

export function clientIp(c: Ctx): string {
  const forwarded = c.req.header("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || "127.0.0.1";
}
