import { DEMO_PASSWORDS } from "../emulator/seed/demo";
import { auditActions, countSessions, expect, emulator, HOME, reading, test } from "./fixtures";
import { ImagesPage } from "./pages/images";

// Signing in, expiry, sign-out and project switches are what these tests try: each signs in itself,
// with a session of its own, never a stored one.

test.beforeEach(async () => {
  await emulator.reset();
});

test("alice signs in and lands on her images", { tag: "@flow" }, async ({ page, login }) => {
  await login.goto("/images");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fimages/);
  await login.signIn("alice");
  await expect(page).toHaveURL(/\/images$/);
  await expect(page.getByRole("heading", { name: "Images" })).toBeVisible();
  const images = new ImagesPage(page);
  await expect(images.link("app-40")).toBeVisible();
  await expect(page.getByRole("button", { name: /User menu: alice in acme/ })).toBeVisible();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(images.link("ubuntu-22.04-web")).toBeVisible();
  await expect(page.getByRole("button", { name: /Project: ap-southeast-1/ })).toBeVisible();
});

test("a wrong password says so and keeps what was typed, except the password", async ({ page, login }) => {
  await login.goto();
  await login.signIn({ account: "acme", user: "alice", password: "not-her-password" });
  await expect(page.getByText("The account name, user name or password is wrong.")).toBeVisible();
  await expect(page.getByLabel("Account name")).toHaveValue("acme");
  await expect(page.getByLabel("IAM user name")).toHaveValue("alice");
  await expect(page.getByLabel("Project (region)")).toHaveValue("ap-southeast-1");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown project is told apart from wrong credentials", async ({ page, login }) => {
  await login.goto();
  await login.signIn("alice", "eu-west-0");
  await expect(page.getByText("That project does not exist in this account")).toBeVisible();
  await expect(page.getByLabel("Project (region)")).toHaveValue("eu-west-0");
});

test(
  "a federated user signs in with a token and may pick another project",
  { tag: "@flow" },
  async ({ page, login }) => {
    const token = await emulator.issueToken("alice");
    await login.goto();
    await page.getByRole("tab", { name: "Token (federated)" }).click();
    await page.getByLabel("IAM token").fill(token);
    await page.getByLabel("Project (region)").fill("cn-north-4");
    await page.getByRole("button", { name: "Sign in" }).click();
    if (reading() === "B") {
      // D7 reading B: IAM refuses to re-scope the token; the form says what to do instead.
      await expect(page.getByText("IAM would not move this token to the project you chose.")).toBeVisible();
      // The token is a secret: the form does not echo it back.
      await page.getByLabel("IAM token").fill(token);
      await page.getByLabel("Project (region)").fill("");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(HOME);
      await expect(page.getByRole("button", { name: /Project: ap-southeast-1/ })).toBeVisible();
    } else {
      await expect(page).toHaveURL(HOME);
      await expect(page.getByRole("button", { name: /Project: cn-north-4/ })).toBeVisible();
    }

    await page.getByRole("button", { name: /User menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByRole("tab", { name: "Token (federated)" }).click();
    await page.getByLabel("IAM token").fill("MIInot-a-real-token-at-all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That token is not valid or has expired.")).toBeVisible();
  },
);

test("an unavailable IAM is reported as such and the form keeps its values", async ({ page, login }) => {
  await emulator.fault({ method: "POST", path: "/v3/auth/tokens", status: 503, times: 1 });
  await login.goto();
  await login.signIn("alice");
  await expect(page.getByText("The identity service (IAM) could not be reached.")).toBeVisible();
  await expect(page.getByLabel("IAM user name")).toHaveValue("alice");
  await login.signIn("alice");
  await expect(page).toHaveURL(HOME);
});

test("an expired token sends the user to sign in and back to the same page", async ({ page, login }) => {
  await login.goto();
  await login.signIn("alice");
  await expect(page).toHaveURL(HOME);
  await page.goto("/images?limit=50");
  await expect(new ImagesPage(page).link("app-01")).toBeVisible();

  await emulator.advanceClock(25 * 3600_000);
  await page.goto("/images?limit=50");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fimages%3Flimit%3D50&reason=expired/);
  await expect(page.getByText("Your session has ended")).toBeVisible();
  await login.signIn("alice");
  await expect(page).toHaveURL(/\/images\?limit=50$/);
});

test("switching project re-scopes the session and keeps the page", { tag: "@flow" }, async ({ page, login }) => {
  await login.goto();
  await login.signIn("alice");
  await expect(page).toHaveURL(HOME);
  await page.goto("/images?limit=50");
  await page.getByRole("button", { name: /Project: ap-southeast-1/ }).click();
  await page.getByRole("menuitem", { name: /cn-north-4/ }).click();
  if (reading() === "B") {
    // D7 reading B: IAM refuses to re-scope; the console asks for the password of that project.
    const dialog = page.getByRole("dialog", { name: "Switch to cn-north-4" });
    await expect(dialog).toContainText("IAM would not move this session to cn-north-4.");
    await dialog.getByLabel("Password of alice").fill("not-her-password");
    await dialog.getByRole("button", { name: "Switch to cn-north-4" }).click();
    await expect(
      dialog.getByText("IAM refused the password of alice for cn-north-4. Check it and try again."),
    ).toBeVisible();
    await expect(dialog.getByLabel("Password of alice")).toHaveAttribute("aria-invalid", "true");
    await dialog.getByLabel("Password of alice").fill(DEMO_PASSWORDS.alice);
    await dialog.getByRole("button", { name: "Switch to cn-north-4" }).click();
  }
  await expect(page.getByRole("button", { name: /Project: cn-north-4/ })).toBeVisible();
  await expect(page).toHaveURL(/\/images\?limit=50$/);
  await expect(page.getByText("This project owns no private images yet")).toBeVisible();
});

test("sign-out deletes the stored token: the console asks to sign in again", async ({ page, login }) => {
  await login.goto();
  await login.signIn("bob");
  await expect(page).toHaveURL(HOME);
  const before = await countSessions("bob");
  expect(before).toBeGreaterThanOrEqual(1);
  await page.getByRole("button", { name: /User menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(() => countSessions("bob")).toBe(before - 1);
  expect((await auditActions("bob")).slice(-2)).toEqual(["signed_in", "signed_out"]);
  await page.goto("/images");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fimages/);
});

test("the IAM token never reaches the browser", { tag: "@flow" }, async ({ page, login }) => {
  const pending: Promise<string>[] = [];
  page.on("response", (res) => {
    const type = res.headers()["content-type"] ?? "";
    // A streamed answer cut short by a navigation may never end: give each body a bounded wait.
    const body = res.text().catch(() => "");
    const bounded = new Promise<string>((resolve) => setTimeout(() => resolve(""), 5_000));
    if (/json|html|javascript|text|x-component/.test(type)) pending.push(Promise.race([body, bounded]));
  });
  await login.goto();
  await login.signIn("alice");
  // The overview, where signing in lands, and one of its tiles as it polls them.
  await expect(page.locator('[data-testid="tile-activity"][data-state="ready"]')).toBeVisible();
  await page.goto("/api/overview/incoming");
  await page.goto("/images?limit=50");
  await expect(new ImagesPage(page).link("app-40")).toBeVisible();
  await page.getByRole("button", { name: /Project: ap-southeast-1/ }).click();
  await page.getByRole("menuitem", { name: /cn-north-4/ }).click();
  if (reading() === "B") {
    const dialog = page.getByRole("dialog", { name: "Switch to cn-north-4" });
    await dialog.getByLabel("Password of alice").fill(DEMO_PASSWORDS.alice);
    await dialog.getByRole("button", { name: "Switch to cn-north-4" }).click();
  }
  await expect(page.getByRole("button", { name: /Project: cn-north-4/ })).toBeVisible();
  const session = await (await page.request.get("/api/auth/session")).text();
  const bodies = [...(await Promise.all(pending)), session];
  const cookies = await page.evaluate(() => document.cookie);
  const headerValues = (await page.context().cookies()).map((c) => c.value);

  const tokens = (await emulator.tokens()).filter((t) => t.user === "alice").map((t) => t.token);
  expect(tokens.length).toBeGreaterThanOrEqual(2);
  expect(bodies.length).toBeGreaterThan(3);
  for (const token of tokens) {
    const fragment = token.slice(0, 64);
    for (const body of bodies) expect(body.includes(fragment)).toBe(false);
    expect(cookies.includes(fragment)).toBe(false);
    for (const value of headerValues) expect(value.includes(fragment)).toBe(false);
  }
  for (const value of headerValues) expect(value.length).toBeLessThan(2000);
});
