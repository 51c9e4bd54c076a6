import { request } from "@playwright/test";
import { MESSAGES } from "@/messages";
import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { emulator, expect, test } from "./fixtures";
import { ImagesPage } from "./pages/images";

const GLOBEX_NEW_RELEASE = DEMO_IMAGES.globexNewRelease;
const ACME_AP = DEMO.acmeAp;

test.beforeEach(async () => {
  await emulator.reset();
});
// A fault left behind (the 401 below) would greet the next spec's sign-in on this emulator.
test.afterEach(async () => {
  await emulator.clearFaults();
});

test("the navigation counts pending shares and picks up a new one without a reload", async ({ pageAs }) => {
  const page = await pageAs("alice");
  await new ImagesPage(page).goto();
  await expect(page).toHaveURL(/\/images$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Incoming, 3 pending" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Images", exact: true })).toBeVisible();

  const bob = await emulator.issueToken("bob");
  await emulator.cloud(bob, "POST", "/v1/cloudimages/members", { images: [GLOBEX_NEW_RELEASE], projects: [ACME_AP] });
  await expect(nav.getByRole("link", { name: "Incoming, 4 pending" })).toBeVisible();
  await expect(page).toHaveURL(/\/images$/);
});

// A session in another project: this test signs in to it itself.
test("the count shows no badge when nothing is pending", async ({ page, login }) => {
  await login.goto();
  await login.signIn("alice", "cn-north-4");
  await expect(page.getByRole("button", { name: /Project: cn-north-4/ })).toBeVisible();
  const res = await page.request.get("/api/incoming/count");
  expect(res.headers()["cache-control"]).toContain("no-store");
  expect(await res.json()).toEqual({ pending: 0 });
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Incoming", exact: true }),
  ).toBeVisible();
});

test("the count route answers 401 JSON without a session, and with an unknown one", async ({ baseURL }) => {
  const cases: Record<string, string>[] = [{}, { Cookie: "authjs.session-token=not-a-session" }];
  for (const headers of cases) {
    const anonymous = await request.newContext({ baseURL, extraHTTPHeaders: headers });
    const res = await anonymous.get("/api/incoming/count");
    expect(res.status()).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: "session_expired", message: expect.any(String) });
    await anonymous.dispose();
  }
});

test("the proxy's refusals are said in the request's language: the browser's, unless one was chosen", async ({
  baseURL,
}) => {
  const zh = await request.newContext({ baseURL, extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5" } });
  const unsigned = await zh.get("/api/incoming/count");
  expect(unsigned.status()).toBe(401);
  expect((await unsigned.json()).error).toEqual({
    code: "session_expired",
    message: MESSAGES["zh-CN"].errors.proxy.signIn,
  });
  // A server action post over 1 MB is refused before Next reads it, signed in or not.
  const large = await zh.post("/images", {
    headers: { "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
    data: "x".repeat((1 << 20) + 1),
  });
  expect(large.status()).toBe(413);
  expect((await large.json()).error.message).toBe(MESSAGES["zh-CN"].errors.proxy.tooLarge);
  await zh.dispose();
  const chosen = await request.newContext({
    baseURL,
    extraHTTPHeaders: { "Accept-Language": "zh-CN", Cookie: "locale=en" },
  });
  expect((await (await chosen.get("/api/incoming/count")).json()).error.message).toBe(MESSAGES.en.errors.proxy.signIn);
  await chosen.dispose();
});

test("a failed refresh answers 503 and keeps the last count; an upstream 401 answers 401", async ({ pageAs }) => {
  const page = await pageAs("alice");
  await new ImagesPage(page).goto();
  const incoming = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Incoming, 3 pending" });
  await expect(incoming).toBeVisible();

  await emulator.fault({ method: "GET", path: "/v2/cloudimages", status: 503 });
  const failed = await page.request.get("/api/incoming/count");
  expect(failed.status()).toBe(503);
  expect(failed.headers()["cache-control"]).toContain("no-store");
  expect((await failed.json()).error).toMatchObject({
    code: "upstream_unavailable",
    message: expect.stringContaining("pending shares"),
  });
  // The badge's own poll fails too, and the last count stays on screen.
  await page.waitForResponse((r) => r.url().endsWith("/api/incoming/count") && r.status() === 503);
  await expect(incoming).toBeVisible();

  await emulator.clearFaults();
  await expect(incoming).toBeVisible();
  expect(await (await page.request.get("/api/incoming/count")).json()).toEqual({ pending: 3 });
  await emulator.fault({ method: "GET", path: "/v2/cloudimages", status: 401, code: "APIGW.0307" });
  const expired = await page.request.get("/api/incoming/count");
  expect(expired.status()).toBe(401);
  expect((await expired.json()).error.code).toBe("session_expired");
});
