import type { MiddlewareHandler } from "hono";
import { parseSdkAuthorization, parseSdkDate, signatureMatches } from "./aksk";
import type { Emu, EmuEnv, SignedCaller } from "./emu";
import { ApiError, gatewayError } from "./errors";

/** How far `X-Sdk-Date` may be from the gateway's clock (Huawei's API gateway: 15 minutes). */
export const SDK_DATE_SKEW_MS = 15 * 60 * 1000;

const refused = (reason: string) =>
  gatewayError(401, "APIGW.0301", `Incorrect IAM authentication information: ${reason}`);

/** The gateway's basic date form, `20261206T211403Z`. */
export function sdkDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * Verifies an SDK-HMAC-SHA256 `Authorization` (sent without `X-Auth-Token`) before the routes run,
 * because the body is part of the signature and reading it is asynchronous. The outcome, a caller or
 * the gateway's refusal, is kept on the request; `authenticate` (and IAM) use or throw it, so that a
 * refused signature surfaces exactly where a refused token would.
 */
export function verifySignatures(emu: Emu): MiddlewareHandler<EmuEnv> {
  return async (c, next) => {
    const authorization = c.req.header("authorization");
    if (
      authorization !== undefined &&
      c.req.header("x-auth-token") === undefined &&
      !c.req.path.startsWith("/__emulator")
    ) {
      const declared = Number(c.req.header("content-length") ?? "0");
      if (declared > emu.config.maxBodyBytes) throw gatewayError(413, "APIGW.0201", "Request entity too large");
      const body = c.req.method === "GET" || c.req.method === "HEAD" ? "" : await c.req.text();
      c.set("signed", verify(emu, authorization, c.req.raw, body));
    }
    await next();
  };
}

function verify(emu: Emu, authorization: string, raw: Request, body: string): SignedCaller | ApiError {
  const auth = parseSdkAuthorization(authorization);
  if (!auth)
    return refused(
      "the Authorization header is not SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2>, Signature=<hex>",
    );
  const date = raw.headers.get("x-sdk-date");
  if (date === null) return refused("x-sdk-date not found");
  const signedAt = parseSdkDate(date);
  if (signedAt === undefined) return refused(`x-sdk-date ${date} is not in the form YYYYMMDDTHHMMSSZ`);
  const now = emu.clock.now();
  if (Math.abs(now - signedAt) > SDK_DATE_SKEW_MS) {
    return refused(`signature expired, signature time:${date},server time:${sdkDate(now)}`);
  }
  const accessKey = emu.world.accessKeys.get(auth.ak);
  const user = accessKey && emu.world.users.get(accessKey.userId);
  const account = user && emu.world.accounts.get(user.domainId);
  if (!accessKey || accessKey.status !== "active" || !user || !user.enabled || !account) {
    return refused(`the access key ${auth.ak} does not exist or is not active`);
  }
  const url = new URL(raw.url);
  const request = {
    method: raw.method,
    rawPath: url.pathname,
    rawQuery: url.search.replace(/^\?/, ""),
    header: (name: string) => raw.headers.get(name) ?? undefined,
    body,
    date,
  };
  if (!signatureMatches(request, auth, accessKey.sk)) return refused("verify aksk signature fail");
  return { accessKey, user, account };
}

/** The signed caller of this request, or the gateway's refusal thrown; undefined when it is not signed. */
export function signedCaller(signed: SignedCaller | ApiError | undefined): SignedCaller | undefined {
  if (signed instanceof ApiError) throw signed;
  return signed;
}
