import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { toAppError } from "@/lib/errors";
import { CloudError } from "./errors";
import { emulatorPlaying, READINGS } from "./testing";

const ACME_AP = "ac0e00000000000000000000000000a1";
const GLOBEX_AP = "610be0000000000000000000000000a1";
const GAME = "ac0e0000000000000000000000c9a001";
const BASE = "ac0e0000000000000000000000c9a002";
const AT_LIMIT = "ac0e0000000000000000000000c9a003";

/** The CPH verbs against the emulator over loopback, under both readings of section 14. */
describe.each(READINGS)("CPH client, disputed rows read as %s", (reading) => {
  const emulatorNow = emulatorPlaying(reading);
  let emulator: ReturnType<typeof emulatorNow>;
  let cph: typeof import("./cph");
  let token: string;

  beforeAll(async () => {
    cph = await import("./cph");
  });
  beforeEach(async () => {
    emulator = emulatorNow();
    emulator.reset();
    const iam = await import("./iam");
    token = (
      await iam.createTokenByPassword(
        { account: "acme", user: "alice", password: "alice-demo-2026", project: "ap-southeast-1" },
        "ap-southeast-1",
      )
    ).token;
  });

  const scope = () => ({ token, region: "ap-southeast-1", projectId: ACME_AP });

  it("lists the project's own phone images a page at a time, with the total", async () => {
    const all = await cph.listPhoneImages(scope(), { image_type: "private" });
    expect(all.total).toBe(3);
    expect(all.images.map((i) => i.image_name).sort()).toEqual([
      "cph-android11-game",
      "cph-android12-base",
      "cph-at-limit",
    ]);
    expect(all.images[0]).toMatchObject({ image_type: "private", status: 1, project_id: ACME_AP });
    const second = await cph.listPhoneImages(scope(), { image_type: "private", offset: 2, limit: 2 });
    expect(second).toMatchObject({ total: 3, images: [expect.objectContaining({ image_id: all.images[2].image_id })] });
  });

  it("shares, lists and removes a member; times are epoch milliseconds", async () => {
    const added = await cph.addPhoneImageMember(scope(), BASE, GLOBEX_AP);
    expect(added.requestId).toMatch(/^[0-9a-f]{32}$/);
    const [member] = await cph.listPhoneImageMembers(scope(), BASE);
    expect(member).toEqual({
      image_id: BASE,
      member_id: GLOBEX_AP,
      create_time: expect.any(Number),
      update_time: expect.any(Number),
    });
    expect(member.create_time).toBeGreaterThan(1e12);
    await cph.deletePhoneImageMember(scope(), BASE, GLOBEX_AP);
    expect(await cph.listPhoneImageMembers(scope(), BASE)).toEqual([]);
  });

  it("reads every member in one call without query parameters, which reading B refuses (D6)", async () => {
    emulator.emu.config.cph.memberLimit = 1000;
    const members = emulator.emu.world.cphMembersOf(GAME);
    for (let i = 1; i <= 30; i++) {
      const id = `f1f1${String(i).padStart(28, "0")}`;
      members.set(id, { imageId: GAME, memberId: id, status: "pending", createTime: i, updateTime: i });
    }
    emulator.stats.reset();
    const listed = await cph.listPhoneImageMembers(scope(), GAME);
    expect(listed).toHaveLength(31);
    expect(new Set(listed.map((m) => m.member_id)).size).toBe(31);
    expect(emulator.stats.snapshot().routes["GET /v1/{id}/cloud-phone/images/{id}/members"]).toBe(1);
    const paged = await emulator.call("GET", `/v1/${ACME_AP}/cloud-phone/images/${GAME}/members?limit=10`, { token });
    expect(paged.status).toBe(reading === "B" ? 400 : 200);
  });

  it("a duplicate share and an unknown image fail the same way in both readings (D8)", async () => {
    await cph.addPhoneImageMember(scope(), BASE, GLOBEX_AP);
    const duplicate = await cph.addPhoneImageMember(scope(), BASE, GLOBEX_AP).catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ service: "cph", status: reading === "B" ? 409 : 400 });
    expect(toAppError(duplicate)).toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/^Huawei Cloud refused the request: .*already/),
    });

    const unknown = "ac0e0000000000000000000000c9afff";
    for (const call of [
      () => cph.addPhoneImageMember(scope(), unknown, GLOBEX_AP),
      () => cph.listPhoneImageMembers(scope(), unknown),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CloudError);
      expect(error).toMatchObject({ status: reading === "B" ? 404 : 400, code: "CPS.0030" });
      if (reading === "B") expect(toAppError(error).code).toBe("not_found");
    }
  });

  it("turns refusals into CloudErrors with the CPS code and never retries a POST", async () => {
    const full = await cph.addPhoneImageMember(scope(), AT_LIMIT, GLOBEX_AP).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(CloudError);
    expect(full).toMatchObject({ service: "cph", status: 400, code: "CPS.0030" });
    emulator.faults.addRoute({ method: "POST", path: "/v1/*/cloud-phone/images/*/members", status: 503, times: 1 });
    emulator.stats.reset();
    await expect(cph.addPhoneImageMember(scope(), BASE, GLOBEX_AP)).rejects.toMatchObject({
      status: 503,
      code: "CPS.0003",
    });
    expect(emulator.stats.snapshot().routes["POST /v1/{id}/cloud-phone/images/{id}/members"]).toBe(1);
    await expect(cph.deletePhoneImageMember(scope(), BASE, GLOBEX_AP)).rejects.toMatchObject({
      status: 400,
      code: "CPS.0030",
    });
  });
});
