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
  if (!tokenId)
    throw gatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: x-auth-token not found");
  const token = emu.world.tokens.get(tokenId);
  if (!token)
    throw gatewayError(
      401,
      "APIGW.0301",
      "Incorrect IAM authentication information: verify aksk signature fail or token is invalid",
    );
  if (token.expiresAt <= emu.clock.now()) throw gatewayError(401, "APIGW.0307", "The token must be updated.");
  const user = emu.world.users.get(token.userId);
  const account = user && emu.world.accounts.get(user.domainId);
  const project = token.projectId ? emu.world.projects.get(token.projectId) : undefined;
  if (!user || !account || !user.enabled) {
    throw gatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: the user of the token is invalid");
  }
  if (!project) {
    throw gatewayError(
      401,
      "APIGW.0301",
      "Incorrect IAM authentication information: the token is not scoped to a project",
    );
  }
  return { credential: { kind: "token", tokenId, token }, user, account, project };
}

function signedSession(c: Ctx, emu: Emu, signed: SignedCaller): Session {
  const projectId = c.req.header("x-project-id");
  if (!projectId)
    throw gatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: x-project-id not found");
  const project = emu.world.projects.get(projectId);
  if (!project || project.domainId !== signed.account.id) {
    throw gatewayError(
      401,
      "APIGW.0301",
      `Incorrect IAM authentication information: project ${projectId} is not a project of the access key's account`,
    );
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
