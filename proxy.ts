import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/paths";

const PUBLIC = [/^\/login(?:\/|$)/, /^\/api\/auth\//, /^\/api\/health$/];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Only redirects: a request without a session cookie goes to sign-in, keeping where it was headed.
 * Every page, action and route checks the session itself. It also passes the path on to server
 * code (`PATH_HEADER`), so an expired session can come back to the same page.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const path = pathname + search;
  const isPublic = PUBLIC.some((p) => p.test(pathname));
  if (!isPublic && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    if (pathname.startsWith("/api/")) {
      return NextResponse.json({ error: { code: "session_expired", message: "Sign in to continue." } }, { status: 401 });
    }
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
