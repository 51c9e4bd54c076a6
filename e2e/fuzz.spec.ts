import { grown, mutations, postAction, problemOf } from "./action-client";
import { expect, test } from "./fixtures";
import { ACTIONS, FOREIGN, STRINGS } from "./fuzz-corpus";
import { actions, fuzzParts, signIn } from "./fuzz-parts";

/**
 * Issue 8 item 4: every server action and route handler with hostile input (e2e/fuzz-parts.ts says
 * how). The first two parts of the actions' fuzz run here; the last two in fuzz-more.spec.ts, on the
 * reading-B pair, beside these.
 */
test("the fuzz knows every server action of the build", () => {
  expect(actions.length).toBeGreaterThanOrEqual(17);
  expect(actions.map((a) => a.name).filter((name) => !ACTIONS[name])).toEqual([]);
});

fuzzParts([0, 1]);

test("without a session every action sends to sign-in and changes nothing", async ({ request, baseURL }) => {
  const before = await mutations();
  for (const action of actions) {
    const res = await postAction(request, baseURL as string, action, JSON.stringify([null, ACTIONS[action.name].base]));
    expect(await problemOf(res, false), action.name).toBeUndefined();
    // The proxy sends a request without a session cookie to sign-in before any action runs.
    if (action.name !== "signInAction") expect(res.headers().location, action.name).toMatch(/\/login\?callbackUrl=/);
  }
  expect(grown(before, await mutations())).toEqual([]);
});

/** Path segments and query values for the route handlers: traversal, markup, unicode, other accounts' ids. */
const SEGMENTS = [
  // Lone surrogates cannot be percent-encoded: `%ED%A0%80` below stands for them.
  ...STRINGS.filter((s) => s.length < 1000 && s.trim() !== "" && !/[\uD800-\uDFFF]/.test(s)).map(encodeURIComponent),
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "..%252f..%252fetc%252fpasswd",
  "%00",
  "%E2%80%AE",
  "%ED%A0%80",
  "------------------------------------",
  "x".repeat(4000),
];
const BATCH_ROUTES = (id: string) => [
  `/api/batches/${id}`,
  `/api/batches/${id}/events`,
  `/api/batches/${id}/export?format=csv`,
  `/api/batches/${id}/export?format=json`,
];

test("route handlers answer hostile paths and queries with 4xx JSON, the same 404 for every batch that is not yours", async ({
  page,
  login,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(page, login);
  const get = (path: string) => page.request.get(path, { failOnStatusCode: false, maxRedirects: 0 });
  const missing = await get(`/api/batches/${FOREIGN.noUuid}`);
  expect(missing.status()).toBe(404);
  const notFound = await missing.json();
  expect(notFound.error.code).toBe("not_found");
  const failures: string[] = [];
  for (const segment of SEGMENTS) {
    for (const path of BATCH_ROUTES(segment)) {
      const res = await get(path);
      if (res.status() >= 500 || res.status() === 200) failures.push(`${path.slice(0, 80)}: ${res.status()}`);
      // A path that cannot be percent-decoded is refused by the proxy (400) before any handler.
      else if (
        res.status() === 404 &&
        res.headers()["content-type"]?.includes("json") &&
        JSON.stringify(await res.json()) !== JSON.stringify(notFound)
      )
        failures.push(`${path.slice(0, 80)}: another body`);
    }
  }
  for (const value of SEGMENTS) {
    for (const path of [
      `/api/incoming/count?x=${value}`,
      `/api/overview/${encodeURIComponent(value)}`,
      `/api/overview/incoming?x=${value}`,
      `/api/health?x=${value}`,
      ...BATCH_ROUTES(`${FOREIGN.noUuid}?since=${value}&format=${value}`),
    ]) {
      const res = await get(path);
      if (res.status() >= 500) failures.push(`${path.slice(0, 80)}: ${res.status()}`);
    }
  }
  // Auth.js's own routes, with hostile actions, providers and parameters.
  for (const path of [
    "session",
    "providers",
    "csrf",
    "signin",
    "signout",
    "nonsense",
    `error?error=${SEGMENTS[4]}`,
    `callback/iam-password?code=${SEGMENTS[2]}`,
    `signin/${SEGMENTS[5]}`,
    `callback/${SEGMENTS[3]}`,
  ]) {
    const posted = await page.request.post(`/api/auth/${path}`, {
      form: { csrfToken: SEGMENTS[4], account: SEGMENTS[3] },
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    for (const [method, res] of [
      ["GET", await get(`/api/auth/${path}`)],
      ["POST", posted],
    ] as const) {
      if (res.status() >= 500) failures.push(`/api/auth/${path.slice(0, 60)} ${method}: ${res.status()}`);
    }
  }
  expect(failures).toEqual([]);

  // Without a session, or with a forged session cookie: 401 in the vocabulary, never a 5xx.
  const forged = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Cookie: `authjs.session-token=${encodeURIComponent("<script>alert(1)</script>")}` },
  });
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const ctx of [anonymous, forged]) {
    for (const path of [...BATCH_ROUTES(FOREIGN.noUuid), "/api/incoming/count", "/api/overview/incoming"]) {
      const res = await ctx.get(path, { failOnStatusCode: false, maxRedirects: 0 });
      expect(res.status(), path).toBe(401);
      expect((await res.json()).error.code, path).toBe("session_expired");
    }
  }
  await Promise.all([forged.dispose(), anonymous.dispose()]);
});
