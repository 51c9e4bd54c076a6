import { createTranslator } from "next-intl";
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/paths";
import { isLocale, LOCALE_COOKIE, negotiate } from "@/lib/i18n/locales";
import { actionBodyProblem } from "@/lib/security/action-body";
import { contentSecurityPolicy, HSTS, isHttps, newNonce, STATIC_HEADERS } from "@/lib/security/headers";
import { MESSAGES } from "@/messages";

/**
 * Open without a session cookie. The HTTP API (`/api/v1/`) carries a bearer token that each route checks
 * (lib/api/route.ts); it never reads the cookie, so a page of another site cannot act through it.
 */
const PUBLIC = [/^\/login(?:\/|$)/, /^\/api\/auth\//, /^\/api\/health$/, /^\/api\/v1\//];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Redirects and guards, nothing more: a request without a session cookie goes to sign-in, keeping where it was headed.
 * Every page, action and route checks the session itself. It also passes the path on to server
 * code (`PATH_HEADER`), so an expired session can come back to the same page, and sets the
 * security headers with a fresh content-security-policy nonce. A server action post whose body
 * Next could not decode is refused here with a 4xx instead of Next's 500.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const path = pathname + search;
  const https = isHttps(request.nextUrl, request.headers.get("x-forwarded-proto"));
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production", https });
  const isPublic = PUBLIC.some((p) => p.test(pathname));
  let response: NextResponse;
  // A server action whose body Next would fail on with a 500 (too large, not React's encoding).
  const problem =
    request.method === "POST" && request.headers.has("next-action")
      ? await actionBodyProblem(request.clone())
      : undefined;
  if (!decodable(pathname)) {
    // Next fails on a path it cannot percent-decode (a lone surrogate's bytes) with a 500.
    response = NextResponse.json(
      { error: { code: "invalid_input", message: said(request, "badAddress") } },
      { status: 400 },
    );
  } else if (problem) {
    response = NextResponse.json(
      { ok: false, error: { code: "invalid_input", message: said(request, problem.key) } },
      { status: problem.status },
    );
  } else if (!isPublic && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    if (pathname.startsWith("/api/")) {
      response = NextResponse.json(
        { error: { code: "session_expired", message: said(request, "signIn") } },
        { status: 401 },
      );
    } else {
      const login = new URL("/login", request.url);
      login.searchParams.set("callbackUrl", path);
      response = NextResponse.redirect(login);
    }
  } else {
    const headers = new Headers(request.headers);
    headers.set(PATH_HEADER, path);
    // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_HEADERS)) response.headers.set(name, value);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

/** A refusal of the proxy's own ("errors.proxy") in the request's language, as lib/i18n/request.ts picks it. */
function said(request: NextRequest, key: "badAddress" | "tooLarge" | "malformed" | "signIn"): string {
  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiate(request.headers.get("accept-language"));
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "errors.proxy" })(key);
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
