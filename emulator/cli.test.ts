import { serve, type ServerType } from "@hono/node-server";
import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_SPEEDS } from "./core/config";
import { DEMO, DEMO_PASSWORDS } from "./seed/demo";
import { createEmulator, type Emulator } from "./server";

const run = promisify(execFile);
const UBUNTU = "1b7f0000-0000-4000-8000-000000000001";
const GPU = "610be000-0000-4000-8000-000000000001";

/**
 * The standard clients of section 11.10 against the emulator: Debian's `openstack` and `glance`
 * CLIs, run for real over loopback (installed by scripts/ensure-tools.sh).
 */
describe("openstack and glance CLIs", () => {
  let emulator: Emulator;
  let server: ServerType;
  let url: string;

  beforeAll(async () => {
    emulator = createEmulator({ config: { jobTiming: JOB_SPEEDS.instant } });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: emulator.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    emulator.emu.publicUrl = url;
  });
  afterAll(() => {
    server.close();
    emulator.close();
  });

  const env = (
    user: keyof typeof DEMO_PASSWORDS,
    domain: string,
    password: string = DEMO_PASSWORDS[user],
  ): NodeJS.ProcessEnv => ({
    NODE_ENV: "test",
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    OS_AUTH_URL: `${url}/v3`,
    OS_IDENTITY_API_VERSION: "3",
    OS_IMAGE_API_VERSION: "2",
    OS_USERNAME: user,
    OS_PASSWORD: password,
    OS_USER_DOMAIN_NAME: domain,
    OS_PROJECT_NAME: "ap-southeast-1",
    OS_PROJECT_DOMAIN_NAME: domain,
    OS_REGION_NAME: "ap-southeast-1",
    OS_INTERFACE: "public",
  });
  const alice = () => env("alice", "acme");
  const bob = () => env("bob", "globex");

  async function cli(command: "openstack" | "glance", args: string[], e: NodeJS.ProcessEnv) {
    try {
      const { stdout } = await run(command, args, { env: e, timeout: 60_000 });
      return { code: 0, stdout, stderr: "" };
    } catch (err) {
      const failure = err as { code?: number; stdout?: string; stderr?: string };
      return { code: failure.code ?? 1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
    }
  }
  const json = (out: { code: number; stdout: string; stderr: string }) => {
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    return JSON.parse(out.stdout);
  };

  it("lists images and shows one (token, catalog, version discovery, schemas)", async () => {
    const list = json(await cli("openstack", ["image", "list", "-f", "json"], alice()));
    expect(list.map((i: { Name: string }) => i.Name)).toContain("ubuntu-22.04-web");
    const shown = json(await cli("openstack", ["image", "show", UBUNTU, "-f", "json"], alice()));
    expect(shown).toMatchObject({ id: UBUNTU, name: "ubuntu-22.04-web", owner: DEMO.acmeAp });
  });

  it("runs the owner and recipient flow: add project, accept as the recipient, remove project", async () => {
    expect(json(await cli("openstack", ["image", "member", "list", UBUNTU, "-f", "json"], alice()))).toEqual([]);
    const added = json(
      await cli("openstack", ["image", "add", "project", UBUNTU, DEMO.globexAp, "-f", "json"], alice()),
    );
    expect(added).toMatchObject({ image_id: UBUNTU, member_id: DEMO.globexAp, status: "pending" });

    const accepted = await cli("openstack", ["image", "set", "--accept", UBUNTU], bob());
    expect(accepted.stderr).toBe("");
    expect(accepted.code).toBe(0);
    const members = json(await cli("openstack", ["image", "member", "list", UBUNTU, "-f", "json"], alice()));
    expect(members).toEqual([expect.objectContaining({ "Member ID": DEMO.globexAp, Status: "accepted" })]);
    const shared = json(await cli("openstack", ["image", "list", "--shared", "-f", "json"], bob()));
    expect(shared.map((i: { ID: string }) => i.ID)).toContain(UBUNTU);

    const removed = await cli("openstack", ["image", "remove", "project", UBUNTU, DEMO.globexAp], alice());
    expect(removed.stderr).toBe("");
    expect(removed.code).toBe(0);
    expect(json(await cli("openstack", ["image", "member", "list", UBUNTU, "-f", "json"], alice()))).toEqual([]);
  });

  it("does the same through glanceclient's member commands", async () => {
    const create = await cli("glance", ["member-create", UBUNTU, DEMO.initechAp], alice());
    expect(create.code).toBe(0);
    expect(create.stdout).toContain(DEMO.initechAp);
    expect(create.stdout).toContain("pending");
    const list = await cli("glance", ["member-list", "--image-id", UBUNTU], alice());
    expect(list.stdout).toContain(DEMO.initechAp);
    const remove = await cli("glance", ["member-delete", UBUNTU, DEMO.initechAp], alice());
    expect(remove.code).toBe(0);
    expect(emulator.emu.world.members.get(UBUNTU)?.size ?? 0).toBe(0);
  });

  it("reports 401 for a wrong password", async () => {
    const out = await cli("openstack", ["image", "list"], env("alice", "acme", "wrong-password"));
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/401|username or password is wrong/i);
  });

  it("reports 409 for a duplicate member, 404 for an invisible image, 403 for a read-only user", async () => {
    json(await cli("openstack", ["image", "add", "project", UBUNTU, DEMO.globexAp, "-f", "json"], alice()));
    const duplicate = await cli("openstack", ["image", "add", "project", UBUNTU, DEMO.globexAp], alice());
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toMatch(/409|conflict/i);

    const invisible = await cli("glance", ["member-list", "--image-id", "1b7f0000-0000-4000-8000-000000000003"], bob());
    expect(invisible.code).not.toBe(0);
    expect(invisible.stderr).toMatch(/404|not found|no image found/i);

    const readOnly = await cli(
      "glance",
      ["member-create", "1b7f0000-0000-4000-8000-000000000007", DEMO.globexAp],
      env("audrey", "acme"),
    );
    expect(readOnly.code).not.toBe(0);
    expect(readOnly.stderr).toMatch(/403|forbidden|role is invalid/i);
    expect(emulator.emu.world.members.get("1b7f0000-0000-4000-8000-000000000007")?.size ?? 0).toBe(0);
  });

  it("lets a recipient reject with glance and the owner cannot set a member's status (403)", async () => {
    const reject = await cli("glance", ["member-update", GPU, DEMO.acmeAp, "rejected"], alice());
    expect(reject.code).toBe(0);
    expect(emulator.emu.world.membershipOf(GPU, DEMO.acmeAp)?.status).toBe("rejected");
    const owner = await cli("glance", ["member-update", GPU, DEMO.acmeAp, "accepted"], bob());
    expect(owner.code).not.toBe(0);
    expect(owner.stderr).toMatch(/403|forbidden/i);
    expect(emulator.emu.world.membershipOf(GPU, DEMO.acmeAp)?.status).toBe("rejected");
  });
});
