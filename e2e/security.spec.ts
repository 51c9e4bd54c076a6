import { DEMO_PASSWORDS } from "../emulator/seed/demo";
import { countSessions, expect, HOME, test } from "./fixtures";

/** Web security of every response: the headers, the script nonce, the cookie, and server actions from elsewhere. */
test("pages carry a nonce content security policy without eval, and the other security headers", async ({
  page,
  login,
}) => {
  const res = await page.goto("/login");
  const headers = res?.headers() ?? {};
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Plain HTTP here: no HSTS (it would pin a host that has no HTTPS).
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Next's scripts carry this response's nonce, so they ran (the form is interactive).
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  const scripts = await page
    .locator("script[src]")
    .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);

  await login.signIn("alice");
  await expect(page).toHaveURL(HOME);
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  // Two requests, two nonces.
  const again = (await page.goto("/images"))?.headers()["content-security-policy"];
  expect(/'nonce-([^']+)'/.exec(again ?? "")?.[1]).not.toBe(nonce);
});

test("behind HTTPS (a proxy that says so), responses add HSTS and upgrade insecure requests", async ({ request }) => {
  const res = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(res.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(res.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("static files carry nosniff and frame protection too", async ({ page }) => {
  await page.goto("/login");
  const src = await page.locator("script[src]").first().getAttribute("src");
  const res = await page.request.get(src as string);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
});

test("a server action posted from another origin is refused and changes nothing", async ({ page, request }) => {
  // The sign-in form as a browser without JavaScript posts it: its hidden action fields and the credentials.
  await page.goto("/login");
  const hidden = await page
    .locator("form[data-sign-in=password] input[type=hidden]")
    .evaluateAll((els) =>
      els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value] as [string, string]),
    );
  const form = {
    ...Object.fromEntries(hidden),
    account: "acme",
    user: "alice",
    password: DEMO_PASSWORDS.alice,
    project: "ap-southeast-1",
  };
  const before = await countSessions("alice");
  const forged = await request.post("/login", {
    headers: { Origin: "https://evil.example" },
    multipart: form,
    maxRedirects: 0,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await countSessions("alice")).toBe(before);
  // The same post from the console's own origin signs in: the refusal was the origin's doing.
  const own = await request.post("/login", {
    headers: { Origin: new URL(page.url()).origin },
    multipart: form,
    maxRedirects: 0,
  });
  expect(own.status()).toBeLessThan(400);
  expect(await countSessions("alice")).toBe(before + 1);
});

test("behind HTTPS the session cookie is Secure (and __Secure- prefixed), HttpOnly and SameSite=Lax", async ({
  page,
  request,
}) => {
  await page.goto("/login");
  const hidden = await page
    .locator("form[data-sign-in=password] input[type=hidden]")
    .evaluateAll((els) =>
      els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value] as [string, string]),
    );
  const host = new URL(page.url()).host;
  const res = await request.post("/login", {
    headers: { Origin: `https://${host}`, "X-Forwarded-Proto": "https" },
    multipart: {
      ...Object.fromEntries(hidden),
      account: "acme",
      user: "audrey",
      password: DEMO_PASSWORDS.audrey,
      project: "ap-southeast-1",
    },
    maxRedirects: 0,
  });
  const session =
    res.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("authjs.session-token"))
      ?.value ?? "";
  expect(session).toMatch(/^__Secure-authjs\.session-token=/);
  expect(session).toMatch(/; Secure/i);
  expect(session).toMatch(/; HttpOnly/i);
  expect(session).toMatch(/; SameSite=Lax/i);
});

test("sign-in is rate-limited per user: after 5 refusals even the right password waits, and says how long", async ({
  page,
  login,
}) => {
  // dave (umbrella) is used by no other test, so his lock cannot get in their way.
  const dave = { account: "umbrella", user: "dave", password: "not-his-password" };
  for (let i = 0; i < 5; i++) {
    // A fresh form each time, so that each answer is awaited before the next attempt.
    await login.goto();
    await login.signIn(dave);
    await expect(page.getByText("The account name, user name or password is wrong.")).toBeVisible();
  }
  await login.goto();
  await login.signIn({ ...dave, password: DEMO_PASSWORDS.dave });
  await expect(
    page.getByText(/Too many refused sign-ins for this user or from this address\. Wait 15 minutes/),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
