import { grown, mutations } from "./action-client";
import { expect, test } from "./fixtures";
import { FOREIGN, RAW_BODIES, STRINGS } from "./fuzz-corpus";
import { signIn } from "./fuzz-parts";
import { createToken } from "./pages/tokens";

/**
 * Issue 18: the HTTP API under hostile paths, queries, bodies and Authorization headers. Every answer is
 * JSON with a code of the vocabulary and a 4xx status (or a 200 for a read that is simply empty), never a
 * 5xx, and the cloud sees no call that changes anything.
 */
const SEGMENTS = STRINGS.filter((s) => s.length < 500 && s.trim() !== "" && !/[\uD800-\uDFFF]/.test(s))
  .map(encodeURIComponent)
  .concat(["%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%00", FOREIGN.globexImage, FOREIGN.noUuid]);

const GETS = (seg: string) => [
  `/api/v1/images/${seg}/members`,
  `/api/v1/batches/${seg}`,
  `/api/v1/batches/${seg}/pairs?status=${seg}`,
  `/api/v1/images?service=${seg}`,
  `/api/v1/history?limit=${seg}&cursor=${seg}&action=${seg}&source=${seg}`,
  `/api/v1/history/export?format=${seg}`,
];
const POSTS = ["/api/v1/manifest/plan", "/api/v1/manifest/apply", "/api/v1/manifest/drift", "/api/v1/batches"];
const BODIES = [
  ...RAW_BODIES,
  ...STRINGS.filter((s) => s.length < 10_000).flatMap((s) => [
    JSON.stringify({ manifest: s }),
    JSON.stringify({ manifest: `version: 1\nimages:\n  - id: ${JSON.stringify(s)}\n    targets: []\n` }),
    JSON.stringify({ operation: "share", imageIds: [s], targets: s }),
  ]),
  JSON.stringify({ manifest: 5 }),
  JSON.stringify({ manifest: ["version: 1"] }),
  JSON.stringify({ manifest: `version: 1\nimages:\n  - id: ${FOREIGN.globexImage}\n    targets: []\n` }),
  JSON.stringify({ operation: "unshare", imageIds: [FOREIGN.globexImage], targets: FOREIGN.initechProject }),
  JSON.stringify({ manifest: "a: &a [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n".repeat(50) }),
  `{"manifest": "${"x".repeat(3 * 1024 * 1024)}"}`,
];
const HEADERS = [
  "",
  "Bearer",
  "Bearer ",
  "Basic YWxpY2U6cGFzcw==",
  "Bearer imsh_",
  `Bearer imsh_${"A".repeat(40)}`,
  "Bearer ../../etc",
];

test("the API answers hostile paths, bodies and tokens with 4xx JSON in the vocabulary, and changes nothing in the cloud", async ({
  page,
  login,
  request,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await signIn(page, login);
  const token = await createToken(page, "fuzz", "Read and write");
  const auth = { Authorization: `Bearer ${token}` };
  const failures: string[] = [];
  let tried = 0;
  /** `ok` says whether a 2xx answer is fine for this request (a read, or an apply with nothing to do). */
  const check = async (what: string, res: Awaited<ReturnType<typeof request.get>>, ok: (body: unknown) => boolean) => {
    tried++;
    const status = res.status();
    const body = (await res.json().catch(() => undefined)) as
      { data?: unknown; error?: { code?: string; message?: string } } | undefined;
    if (status >= 500) failures.push(`${what}: ${status}`);
    else if (status < 400 && !ok(body?.data)) failures.push(`${what}: accepted (${status})`);
    else if (status >= 400 && (!body?.error?.code || !body.error.message))
      failures.push(`${what}: ${status} without a JSON error`);
  };
  const read = () => true;
  const never = () => false;
  const POST_OK: Record<string, (data: unknown) => boolean> = {
    "/api/v1/manifest/plan": read,
    "/api/v1/manifest/drift": read,
    "/api/v1/manifest/apply": (data) => (data as { nothing?: boolean } | undefined)?.nothing === true,
    "/api/v1/batches": never,
  };
  const before = await mutations();
  for (const seg of SEGMENTS)
    for (const path of GETS(seg))
      await check(`GET ${path.slice(0, 80)}`, await request.get(`${baseURL}${path}`, { headers: auth }), read);
  for (const path of POSTS)
    for (const body of BODIES)
      await check(
        `POST ${path} ${body.slice(0, 60)}`,
        await request.post(`${baseURL}${path}`, {
          headers: { ...auth, "Content-Type": "application/json" },
          data: body,
        }),
        POST_OK[path],
      );
  for (const seg of SEGMENTS)
    await check(
      `POST retry ${seg.slice(0, 40)}`,
      await request.post(`${baseURL}/api/v1/batches/${seg}/retry`, { headers: auth }),
      never,
    );
  for (const header of HEADERS)
    for (const path of ["/api/v1/me", "/api/v1/manifest/export", "/api/v1/manifest/plan"]) {
      const res = await request.fetch(`${baseURL}${path}`, {
        method: path.endsWith("plan") ? "POST" : "GET",
        headers: header ? { Authorization: header } : {},
        data: path.endsWith("plan") ? { manifest: "version: 1\nimages: []\n" } : undefined,
      });
      await check(`${header || "no header"} ${path}`, res, never);
      if (res.status() !== 401) failures.push(`${header || "no header"} ${path}: ${res.status()}, not 401`);
    }
  test.info().annotations.push({ type: "tried", description: String(tried) });
  expect(failures).toEqual([]);
  expect(grown(before, await mutations())).toEqual([]);
});
