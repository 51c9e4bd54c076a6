import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CloudError } from "./errors";
import { emulatorPlaying, READINGS } from "./testing";

const ACME_AP = "ac0e00000000000000000000000000a1";
const GLOBEX_AP = "610be0000000000000000000000000a1";
const GLOBEX_PHONE = "610be000000000000000000000c9a001";
const LIST = "GET /v1/{id}/cloud-phone/images";
const PUT_MEMBERS = "PUT /v1/{id}/cloud-phone/images/{id}/members";

/** The recipient's CPH verbs (reference 9.1 `image_type=share`, 9.4) against the emulator over loopback. */
describe.each(READINGS)("CPH client, recipient side, disputed rows read as %s", (reading) => {
  const emulatorNow = emulatorPlaying(reading);
  let emulator: ReturnType<typeof emulatorNow>;
  let cph: typeof import("./cph");
  let iam: typeof import("./iam");

  beforeAll(async () => {
    cph = await import("./cph");
    iam = await import("./iam");
  });
  beforeEach(() => {
    emulator = emulatorNow();
    emulator.reset();
  });

  const scopeOf = async (user: "alice" | "audrey") => {
    const { token } = await iam.createTokenByPassword(
      { account: "acme", user, password: `${user}-demo-2026`, project: "ap-southeast-1" },
      "ap-southeast-1",
    );
    return { token, region: "ap-southeast-1", projectId: ACME_AP };
  };

  /** `n` more globex phone images shared with acme ap-southeast-1. */
  function shareMany(n: number) {
    const now = Date.now();
    for (let i = 1; i <= n; i++) {
      const id = `5a5a${String(i).padStart(28, "0")}`;
      emulator.emu.world.cphImages.set(id, {
        id,
        name: `shared-${i}`,
        projectId: GLOBEX_AP,
        domainId: "610be000000000000000000000000002",
        status: 1,
        version: "Android 12",
        sizeBytes: 1 << 30,
        createdAt: now - i * 1000,
        updatedAt: now - i * 1000,
      });
      emulator.emu.world
        .cphMembersOf(id)
        .set(ACME_AP, { imageId: id, memberId: ACME_AP, status: "pending", createTime: now, updateTime: now });
    }
  }

  it("lists the phone images shared with the project, with their owner project", async () => {
    const { images, total } = await cph.listSharedPhoneImages(await scopeOf("alice"));
    expect(total).toBe(1);
    expect(images).toEqual([
      expect.objectContaining({
        image_id: GLOBEX_PHONE,
        image_name: "globex-cph-android12",
        image_type: "share",
        src_project_id: GLOBEX_AP,
      }),
    ]);
    expect(images[0].project_id).toBeUndefined();
  });

  it("reads every page, 100 at a time, and stops at 1,000 images", async () => {
    shareMany(249);
    emulator.stats.reset();
    const some = await cph.listSharedPhoneImages(await scopeOf("alice"));
    expect(some.total).toBe(250);
    expect(new Set(some.images.map((i) => i.image_id)).size).toBe(250);
    expect(emulator.stats.snapshot().routes[LIST]).toBe(3);

    emulator.reset();
    shareMany(1_200);
    emulator.stats.reset();
    const capped = await cph.listSharedPhoneImages(await scopeOf("alice"));
    expect(capped.images).toHaveLength(cph.SHARED_IMAGES_CAP);
    expect(capped.total).toBe(1_201);
    expect(emulator.stats.snapshot().routes[LIST]).toBe(10);
  });

  it("accepts and rejects a share; the emulator keeps the member's status", async () => {
    const scope = await scopeOf("alice");
    const membership = () => emulator.emu.world.cphMembersOf(GLOBEX_PHONE).get(ACME_AP);
    expect(membership()?.status).toBe("pending");
    const accepted = await cph.updatePhoneImageMember(scope, GLOBEX_PHONE, "accepted");
    expect(accepted.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(membership()?.status).toBe("accepted");
    await cph.updatePhoneImageMember(scope, GLOBEX_PHONE, "rejected");
    expect(membership()?.status).toBe("rejected");
  });

  it("turns refusals into CloudErrors and never retries the PUT", async () => {
    const scope = await scopeOf("alice");
    const own = await cph
      .updatePhoneImageMember(scope, "ac0e0000000000000000000000c9a002", "accepted")
      .catch((e: unknown) => e);
    expect(own).toBeInstanceOf(CloudError);
    expect(own).toMatchObject({ service: "cph", status: 400 });

    await expect(cph.updatePhoneImageMember(await scopeOf("audrey"), GLOBEX_PHONE, "accepted")).rejects.toMatchObject({
      status: 403,
    });

    emulator.faults.addRoute({ method: "PUT", path: "/v1/*/cloud-phone/images/*/members", status: 503, times: 1 });
    emulator.stats.reset();
    await expect(cph.updatePhoneImageMember(scope, GLOBEX_PHONE, "accepted")).rejects.toMatchObject({
      status: 503,
      code: "CPS.0003",
    });
    expect(emulator.stats.snapshot().routes[PUT_MEMBERS]).toBe(1);
    expect(emulator.emu.world.cphMembersOf(GLOBEX_PHONE).get(ACME_AP)?.status).toBe("pending");
  });
});
