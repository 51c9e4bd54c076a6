import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DriftResult, Me } from "./api";
import { fakeConsole, pair, runCli } from "./testing";

const EXPORTED = "version: 1\nimages:\n  - id: 1b7f0000-0000-4000-8000-000000000001\n    targets: []\n";
const ME: Me = {
  userName: "alice",
  accountName: "acme",
  projectId: "ac0e00000000000000000000000000a1",
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
  token: { name: "ci", access: "read", expiresAt: "2027-03-01T00:00:00.000Z" },
};

describe("imshare drift, export and whoami", () => {
  let dir: string;
  let api: Awaited<ReturnType<typeof fakeConsole>>;
  let drift: DriftResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "imshare-cli-"));
    writeFileSync(join(dir, "sharing.yaml"), "version: 1\nimages: []\n");
    api = await fakeConsole({
      "POST /api/v1/manifest/drift": () => ({ body: { data: drift } }),
      "GET /api/v1/manifest/export": () => ({ body: { data: { yaml: EXPORTED } } }),
      "GET /api/v1/me": () => ({ body: { data: ME } }),
    });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) => runCli(args, { url: api.url, cwd: dir });

  it("drift exits 0 when the cloud matches the file and 2 when it does not, naming each pair", async () => {
    drift = { drift: [], checkedAt: "2026-12-07T10:00:00.000Z" };
    const none = await run("drift", "-f", "sharing.yaml");
    expect(none).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("No drift: the cloud matches sharing.yaml"),
    });

    drift = { drift: [pair("add"), pair("remove", { memberStatus: "pending" })], checkedAt: drift.checkedAt };
    const some = await run("drift", "-f", "sharing.yaml");
    expect(some.code).toBe(2);
    expect(some.stdout).toContain("  + ubuntu-22.04-web  project 610be0000000000000000000000000a1\n");
    expect(some.stdout).toContain("  - ubuntu-22.04-web  project 610be0000000000000000000000000a1  pending\n");
    expect(some.stdout).toContain("Drift: 2 pairs differ from sharing.yaml (checked at 2026-12-07T10:00:00.000Z).");
    expect(JSON.parse((await run("drift", "-f", "sharing.yaml", "--json")).stdout)).toEqual(drift);
  });

  it("export writes the YAML as the console made it, to standard output or a new file", async () => {
    expect(await run("export")).toMatchObject({ code: 0, stdout: EXPORTED });
    const written = await run("export", "-o", "exported.yaml");
    expect(written).toMatchObject({ code: 0, stdout: "" });
    expect(readFileSync(join(dir, "exported.yaml"), "utf8")).toBe(EXPORTED);
  });

  it("export leaves an existing file alone unless --force", async () => {
    writeFileSync(join(dir, "mine.yaml"), "# edited by hand\n");
    const refused = await run("export", "-o", "mine.yaml");
    expect(refused).toMatchObject({ code: 1, stderr: "Error: mine.yaml exists: pass --force to overwrite it.\n" });
    expect(readFileSync(join(dir, "mine.yaml"), "utf8")).toBe("# edited by hand\n");
    expect((await run("export", "-o", "mine.yaml", "--force")).code).toBe(0);
    expect(readFileSync(join(dir, "mine.yaml"), "utf8")).toBe(EXPORTED);
  });

  it("whoami names the user, the project and the token's access", async () => {
    const result = await run("whoami");
    expect(result).toMatchObject({
      code: 0,
      stdout:
        "alice (account acme)\nproject ap-southeast-1 (ac0e00000000000000000000000000a1), region ap-southeast-1\n" +
        'token "ci": read, expires 2027-03-01T00:00:00.000Z\n',
    });
  });
});
