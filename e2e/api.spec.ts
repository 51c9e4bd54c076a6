import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { DEMO, DEMO_IMAGES, DEMO_KEYS } from "../emulator/seed/demo";
import { emulator, expect, query, test } from "./fixtures";
import { openstackAsAlice } from "./openstack";
import { createToken } from "./pages/tokens";

/**
 * Issue 18: the HTTP API and the `imshare` CLI with personal access tokens made in the console. The
 * CLI exports, plans, applies and finds drift; a read-only token and a revoked one are refused with a
 * sentence that says why; another account's token sees nothing of acme's.
 */
const { ubuntu: UBUNTU, debian: DEBIAN } = DEMO_IMAGES;
const { globexAp: GLOBEX, initechAp: INITECH } = DEMO;

interface Run {
  code: number;
  out: string;
}

/** The CLI as a user runs it (`npx imshare …` resolves to this bin), against the console under test. */
function imshare(args: string[], token: string, baseURL: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/imshare.mjs", ...args, "--url", baseURL],
      { env: { ...process.env, IMSHARE_TOKEN: token, LANG: "en_US.UTF-8", NO_COLOR: "1" }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

const members = async (imageId: string) =>
  (
    (await emulator.cloud(await emulator.issueToken("alice"), "GET", `/v2/images/${imageId}/members`)) as {
      members: { member_id: string }[];
    }
  ).members
    .map((m) => m.member_id)
    .sort();

test.beforeEach(async () => {
  await emulator.reset();
});

test.describe("signed in as alice", () => {
  test.use({ user: "alice" });

  test("the CLI with a token made in the console exports, plans, applies and finds drift; read-only and revoked tokens are refused", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const url = baseURL as string;
    const write = await createToken(page, "ci", "Read and write");
    const read = await createToken(page, "reader", "Read-only");
    expect(write).toMatch(/^imsh_[A-Za-z0-9]{40}$/);

    const dir = mkdtempSync(join(tmpdir(), "imshare-cli-"));
    const file = join(dir, "sharing.yaml");
    expect(await imshare(["export", "-o", file], read, url)).toMatchObject({ code: 0 });
    const doc = parse(readFileSync(file, "utf8")) as { images: { id?: string; targets: { project?: string }[] }[] };
    expect(readFileSync(file, "utf8")).toContain("# debian-12-base");
    const debian = doc.images.find((i) => i.id === DEBIAN)!;
    debian.targets = debian.targets.filter((t) => t.project !== INITECH);
    doc.images.push({ id: UBUNTU, targets: [{ project: GLOBEX }] });
    writeFileSync(file, stringify(doc));

    const plan = await imshare(["plan", "-f", file, "--detailed-exitcode"], read, url);
    expect(plan.out).toContain("Plan: 1 to add, 1 to remove, 0 blocked");
    expect(plan.code).toBe(2);

    // A read-only token plans but does not apply, and says why.
    const refused = await imshare(["apply", "-f", file, "--yes"], read, url);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("This token has read access and this request makes a change.");
    expect(refused.out).not.toContain(read);
    expect(await members(UBUNTU)).toEqual([]);

    const applied = await imshare(["apply", "-f", file, "--yes"], write, url);
    expect(applied.code, applied.out).toBe(0);
    expect(await members(UBUNTU)).toEqual([GLOBEX]);
    expect(await members(DEBIAN)).toEqual([GLOBEX]);
    const events = await query<{ source: string; user_name: string; input: string }>(
      "select source, user_name, input from audit_events where action = 'manifest_applied'",
    );
    expect(events.at(-1)).toMatchObject({ source: "api", user_name: "alice" });
    expect(events.at(-1)!.input).toContain('"name":"ci"');

    expect(await imshare(["drift", "-f", file], read, url)).toMatchObject({ code: 0 });
    await openstackAsAlice(["image", "add", "project", DEBIAN, INITECH, "-f", "json"]);
    const drift = await imshare(["drift", "-f", file], read, url);
    expect(drift.code).toBe(2);
    expect(drift.out).toContain("debian-12-base");

    // Revoked in the console, the token is refused at once, saying so.
    await page.goto("/settings/tokens");
    await page.getByRole("button", { name: "Revoke ci" }).click();
    await page.getByRole("button", { name: "Revoke token" }).click();
    await expect(page.getByText("Token ci revoked.")).toBeVisible();
    const revoked = await imshare(["plan", "-f", file], write, url);
    expect(revoked.code).toBe(1);
    expect(revoked.out).toMatch(/This token was revoked at .* Create a new one on Settings → API tokens\./);
  });
});

test.describe("signed in as alice, with her access key", () => {
  test.use({ user: "alice" });

  test("an access key entrusted on Settings → API tokens makes a token the CLI plans with; a wrong SK makes none", async ({
    page,
    baseURL,
  }) => {
    await page.goto("/settings/tokens");
    await page.getByLabel("Name", { exact: true }).fill("ci-key");
    await page.getByLabel("An access key I entrust to the console").check();
    await page.getByLabel("Access key ID (AK)").fill(DEMO_KEYS.alice.ak);
    await page.getByLabel("Secret access key (SK)").fill(`${DEMO_KEYS.alice.sk.slice(0, -1)}X`);
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    await expect(page.getByLabel("Secret access key (SK)")).toHaveValue("");
    await page.getByLabel("Secret access key (SK)").fill(DEMO_KEYS.alice.sk);
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("new-token")).toContainText("Token ci-key created.");
    const secret = (await page.getByTestId("token-secret").textContent())!.trim();
    const dir = mkdtempSync(join(tmpdir(), "imshare-cli-"));
    const file = join(dir, "sharing.yaml");
    writeFileSync(file, `version: 1\nimages:\n  - id: ${UBUNTU}\n    targets: [{project: ${GLOBEX}}]\n`);
    const plan = await imshare(["plan", "-f", file], secret, baseURL as string);
    expect(plan.code, plan.out).toBe(0);
    expect(plan.out).toContain("Plan: 1 to add, 0 to remove, 0 blocked");
  });
});

test.describe("signed in as bob", () => {
  test.use({ user: "bob" });

  test("another account's token sees none of acme's images, members or sharing: the same 404 as an id nobody has", async ({
    page,
    baseURL,
    request,
  }) => {
    const bob = await createToken(page, "bob-ci", "Read-only");
    const get = async (path: string) => {
      const res = await request.get(`${baseURL}${path}`, { headers: { Authorization: `Bearer ${bob}` } });
      return { status: res.status(), body: await res.json() };
    };
    const images = (await get("/api/v1/images")).body as { data: { id: string }[] };
    expect(images.data.map((i) => i.id)).not.toContain(UBUNTU);
    const acme = await get(`/api/v1/images/${DEBIAN}/members`);
    const nobody = await get("/api/v1/images/00000000-0000-4000-8000-00000000dead/members");
    expect(acme.status).toBe(404);
    expect(acme.body).toEqual(nobody.body);
    const exported = (await get("/api/v1/manifest/export")).body as { data: { yaml: string } };
    expect(exported.data.yaml).not.toContain(DEBIAN);
    // bob's own sharing: globex's images shared with acme's project.
    expect(exported.data.yaml).toContain(`project: ${DEMO.acmeAp}`);
  });
});
