import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isoSeconds } from "../core/time";
import { DEMO } from "../seed/demo";
import { testEmulator, type TestEmulator } from "../testing";

const SERVER = "ac0e0000-0000-4000-8000-00000000ba01";
const DISK = "ac0e0000-0000-4000-8000-00000000ba02";
const FROZEN = "ac0e0000-0000-4000-8000-00000000ba03";

describe("CBR vaults", () => {
  let emulator: TestEmulator;
  let alice: string;
  beforeEach(async () => {
    emulator = testEmulator();
    alice = await emulator.login("alice");
  });
  afterEach(() => emulator.close());

  const list = (query = "", token = alice, project: string = DEMO.acmeAp) =>
    emulator.call("GET", `/v3/${project}/vaults${query}`, { token });
  const ids = (res: { body: any }) => res.body.vaults.map((v: any) => v.id);

  function expectCbrError(res: { status: number; body: any; headers: Headers }, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({
      error_code: code,
      error_msg: expect.any(String),
      request_id: res.headers.get("x-request-id"),
    });
  }

  it("lists the project's vaults with their billing", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(3);
    expect(ids(res)).toEqual([SERVER, DISK, FROZEN]);
    const created = emulator.emu.world.vaults.get(SERVER)!.createdAt;
    expect(res.body.vaults[0]).toEqual({
      id: SERVER,
      name: "vault-server-backup",
      description: "",
      project_id: DEMO.acmeAp,
      provider_id: "0daac4c5-6707-4851-97ba-169e36266b66",
      resources: [],
      tags: [],
      enterprise_project_id: "0",
      auto_bind: false,
      bind_rules: {},
      user_id: "",
      created_at: isoSeconds(created),
      billing: {
        allocated: 200 * 1024,
        used: 20_480,
        size: 200,
        status: "available",
        object_type: "server",
        protect_type: "backup",
        charging_mode: "post_paid",
        consistent_level: "crash_consistent",
        spec_code: "vault.backup.server.normal",
        cloud_type: "public",
      },
    });
    const [, disk, frozen] = res.body.vaults;
    expect(disk.provider_id).toBe("d1603440-187d-4516-af25-121250c7cc97");
    expect(disk.billing).toMatchObject({
      object_type: "disk",
      spec_code: "vault.backup.volume.normal",
      status: "available",
    });
    expect(frozen.billing).toMatchObject({ object_type: "server", status: "frozen", frozen_scene: "ARREAR" });
  });

  it("filters by type, status, name, id, protect and cloud type", async () => {
    expect(ids(await list("?object_type=server"))).toEqual([SERVER, FROZEN]);
    expect(ids(await list("?object_type=disk"))).toEqual([DISK]);
    expect(ids(await list("?status=frozen"))).toEqual([FROZEN]);
    expect(ids(await list("?object_type=server&status=available&protect_type=backup"))).toEqual([SERVER]);
    expect(ids(await list("?name=vault-disk-only"))).toEqual([DISK]);
    expect(ids(await list(`?id=${FROZEN}`))).toEqual([FROZEN]);
    expect(ids(await list("?protect_type=replication"))).toEqual([]);
    expect((await list("?cloud_type=public")).body.count).toBe(3);
    expect((await list("?cloud_type=hybrid")).body).toEqual({ vaults: [], count: 0 });
  });

  it("pages with limit and offset, counting every match", async () => {
    const page = await list("?limit=1&offset=1");
    expect(ids(page)).toEqual([DISK]);
    expect(page.body.count).toBe(3);
    expect(ids(await list("?offset=3"))).toEqual([]);
    for (const bad of [
      "?limit=0",
      "?limit=1001",
      "?offset=-1",
      "?limit=x",
      "?protect_type=all",
      "?cloud_type=private",
    ]) {
      expectCbrError(await list(bad), 400, "BackupService.9900");
    }
  });

  it("serves only the token's project to users allowed to list vaults", async () => {
    const bob = await emulator.login("bob");
    expectCbrError(await list("", bob), 403, "BackupService.0001");
    expect((await list("", bob, DEMO.globexAp)).body).toEqual({ vaults: [], count: 0 });
    expect((await emulator.call("GET", `/v3/${DEMO.acmeAp}/vaults`)).status).toBe(401);

    const audrey = await emulator.login("audrey");
    expect((await list("", audrey)).body.count).toBe(3);
    emulator.emu.world.users.get(DEMO.audrey)!.permissions = ["ims:images:get"];
    expectCbrError(await list("", audrey), 403, "BackupService.0001");
  });
});
