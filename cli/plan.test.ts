import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ManifestPlan } from "./api";
import { fakeConsole, pair, planOf, runCli, TOKEN } from "./testing";

const MANIFEST = "version: 1\nimages:\n  - name: ubuntu-*\n    targets: []\n";
const ACCOUNT = "1417ec00000000000000000000000001";

describe("imshare plan", () => {
  let dir: string;
  let api: Awaited<ReturnType<typeof fakeConsole>>;
  let plan: ManifestPlan;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "imshare-cli-"));
    writeFileSync(join(dir, "sharing.yaml"), MANIFEST);
    api = await fakeConsole({ "POST /api/v1/manifest/plan": () => ({ body: { data: plan } }) });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    api.received.length = 0;
  });

  const run = (...args: string[]) => runCli(["plan", "-f", "sharing.yaml", ...args], { url: api.url, cwd: dir });

  it("sends the file as it is, with the token and the reader's language", async () => {
    plan = planOf([pair("keep")]);
    await run();
    await runCli(["plan", "-f", "sharing.yaml"], { url: api.url, cwd: dir, env: { LANG: "zh_CN.UTF-8" } });
    expect(api.received.map((r) => r.body)).toEqual([{ manifest: MANIFEST }, { manifest: MANIFEST }]);
    expect(api.received[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(api.received.map((r) => r.headers["accept-language"])).toEqual(["en", "zh-CN"]);
  });

  it("with nothing to do, summarises the unchanged pairs and exits 0, even with --detailed-exitcode", async () => {
    plan = planOf([pair("keep", { memberStatus: "accepted" }), pair("keep"), pair("keep")]);
    for (const flags of [[], ["--detailed-exitcode"]]) {
      const result = await run(...flags);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("= 3 unchanged");
      expect(result.stdout).toContain("Plan: 0 to add, 0 to remove, 0 blocked, 3 unchanged.");
      expect(result.stdout).not.toContain("accepted");
    }
  });

  it("prints a line per add, remove and blocked pair, the warnings, and a summary", async () => {
    plan = planOf(
      [
        pair("keep"),
        pair("blocked", { imageName: "win-2019", reason: "Windows images are not shared in ap-southeast-1." }),
        pair("remove", {
          imageName: "centos-7",
          target: { kind: "account", value: ACCOUNT, memberId: ACCOUNT },
          memberStatus: "accepted",
        }),
        pair("add", { endsAt: "2027-01-31T00:00:00.000Z", verdict: "approval" }),
      ],
      ['Selector name "debian-*" matches no image of this project.'],
    );
    const result = await run();
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "  + ubuntu-22.04-web  project 610be0000000000000000000000000a1  ends 2027-01-31T00:00:00.000Z; needs approval",
      `  - centos-7          account ${ACCOUNT}  accepted`,
      "  ! win-2019          project 610be0000000000000000000000000a1  Windows images are not shared in ap-southeast-1.",
      "  = 1 unchanged (--verbose lists them)",
    ]);
    expect(result.stdout).toContain('  ! Selector name "debian-*" matches no image of this project.');
    expect(lines).toContain("Plan: 1 to add, 1 to remove, 1 blocked, 1 unchanged.");
    expect(result.code).toBe(0);
    expect((await run("--detailed-exitcode")).code).toBe(2);
  });

  it("lists the unchanged pairs and image ids with --verbose, and prints the API's plan with --json", async () => {
    plan = planOf([pair("add"), pair("keep", { imageName: "cph-base", service: "cph", image: "c9a0" })]);
    const verbose = await run("--verbose");
    expect(verbose.stdout).toContain("  = cph-base [cph] (c9a0)");
    expect(verbose.stdout).not.toContain("--verbose lists them");
    expect(JSON.parse((await run("--json")).stdout)).toEqual(plan);
  });

  it("says which file it cannot read, and exits 1 without calling the console", async () => {
    const result = await runCli(["plan", "-f", "missing.yaml"], { url: api.url, cwd: dir });
    expect(result).toMatchObject({ code: 1, stderr: "Error: missing.yaml: no such file.\n" });
    expect(api.received).toEqual([]);
  });

  it("prints the console's own sentences for a manifest it refuses", async () => {
    const refusing = await fakeConsole({
      "POST /api/v1/manifest/plan": () => ({
        status: 400,
        body: {
          error: {
            code: "invalid_input",
            message: "The manifest needs attention.",
            fieldErrors: { "images.0.targets.0": ["Not a project id."] },
          },
        },
      }),
    });
    const result = await runCli(["plan", "-f", "sharing.yaml"], { url: refusing.url, cwd: dir });
    await refusing.close();
    expect(result).toMatchObject({
      code: 1,
      stderr: "Error: The manifest needs attention.\n  images.0.targets.0: Not a project id.\n",
    });
  });
});
