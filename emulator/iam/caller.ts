import { keystoneError } from "../core/errors";
import { signedCaller } from "../core/signed-caller";
import type { Ctx, Emu } from "../core/context";
import type { User } from "../store/types";

/**
 * IAM calls other than token creation need a valid caller token, or an AK/SK signature whose
 * `X-Domain-Id` / `X-Project-Id` (as the SDKs' global and basic credentials send) name the pair's
 * account; IAM answers in Keystone style (a refused signature in the gateway's).
 */
export function validCaller(c: Ctx, emu: Emu): { user: User } {
  const tokenId = c.req.header("x-auth-token");
  const signed = tokenId === undefined ? signedCaller(c.get("signed")) : undefined;
  if (signed) {
    const domainId = c.req.header("x-domain-id");
    const projectId = c.req.header("x-project-id");
    const project = projectId === undefined ? undefined : emu.world.projects.get(projectId);
    if (
      (domainId !== undefined && domainId !== signed.account.id) ||
      (projectId !== undefined && project?.domainId !== signed.account.id)
    ) {
      throw keystoneError(401, "The request you have made requires authentication.");
    }
    return { user: signed.user };
  }
  const token = emu.world.tokens.get(tokenId ?? "");
  const user = token && emu.world.users.get(token.userId);
  if (!token || !user || token.expiresAt <= emu.clock.now()) {
    throw keystoneError(401, "The request you have made requires authentication.");
  }
  return { user };
}
