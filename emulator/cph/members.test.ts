import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../seed/demo";
import { testEmulator, type TestEmulator } from "../testing";
import { AT_LIMIT, BASE, expectCphError, GAME, GLOBEX_IMAGE } from "./test-helpers";

const membersPath = (project: string, image: string) => `/v1/${project}/cloud-phone/images/${image}/members`;

describe("CPH image members", () => {
  let emulator: TestEmulator;
  let alice: string;
  let bob: string;
  beforeEach(async () => {
    emulator = testEmulator();
    alice = await emulator.login("alice");
    bob = await emulator.login("bob");
  });
  afterEach(() => emulator.close());

  const share = (token: string, image: string, body: unknown, project: string = DEMO.acmeAp) =>
    emulator.call("POST", membersPath(project, image), { token, body });
  const listMembers = (token: string, image: string, query = "", project: string = DEMO.acmeAp) =>
    emulator.call("GET", `${membersPath(project, image)}${query}`, { token });

  it("shares, lists and cancels a member", async () => {
    const before = emulator.emu.clock.now();
    const added = await share(alice, BASE, { member: DEMO.globexAp });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ request_id: added.headers.get("x-request-id") });
    expect(emulator.emu.world.cphMembers.get(BASE)?.get(DEMO.globexAp)?.status).toBe("pending");

    const listed = await listMembers(alice, BASE);
    expect(listed.status).toBe(200);
    expect(listed.body.members).toHaveLength(1);
    const [m] = listed.body.members;
    expect(Object.keys(m).sort()).toEqual(["create_time", "image_id", "member_id", "update_time"]);
    expect(m).toMatchObject({ image_id: BASE, member_id: DEMO.globexAp });
    expect(m.create_time).toBeGreaterThanOrEqual(before);
    expect(m.create_time).toBeLessThanOrEqual(emulator.emu.clock.now());
    expect(m.update_time).toBe(m.create_time);

    const recipientView = await emulator.call("GET", `/v1/${DEMO.globexAp}/cloud-phone/images?image_type=share`, {
      token: bob,
    });
    expect(recipientView.body.image_infos.map((i: any) => i.image_id)).toContain(BASE);

    const cancelled = await emulator.call("DELETE", `${membersPath(DEMO.acmeAp, BASE)}/${DEMO.globexAp}`, {
      token: alice,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ request_id: cancelled.headers.get("x-request-id") });
    expect((await listMembers(alice, BASE)).body.members).toEqual([]);
  });

  it("refuses a missing, empty or malformed member with CPS.0001", async () => {
    expectCphError(await emulator.call("POST", membersPath(DEMO.acmeAp, BASE), { token: alice }), 400, "CPS.0001");
    expectCphError(await share(alice, BASE, {}), 400, "CPS.0001", /member/);
    expectCphError(await share(alice, BASE, { member: "" }), 400, "CPS.0001", /member/);
    expectCphError(await share(alice, BASE, { member: 42 }), 400, "CPS.0001");
    const headers = { "content-type": "application/json" };
    const raw = await emulator.call("POST", membersPath(DEMO.acmeAp, BASE), { token: alice, rawBody: "{", headers });
    expectCphError(raw, 400, "CPS.0001");
  });

  it("refuses an unknown image or another tenant's image with CPS.0030", async () => {
    const invalid = /^Parameter: image_id is invalid\.$/;
    expectCphError(
      await share(alice, "ac0e0000000000000000000000c9afff", { member: DEMO.globexAp }),
      400,
      "CPS.0030",
      invalid,
    );
    expectCphError(await share(alice, GLOBEX_IMAGE, { member: DEMO.initechAp }), 400, "CPS.0030", invalid);
    expect(emulator.emu.world.cphMembers.get(GLOBEX_IMAGE)?.has(DEMO.initechAp)).toBe(false);
  });

  it("refuses bad targets, self, duplicates and the 11th member with the default codes", async () => {
    expectCphError(await share(alice, BASE, { member: "not-a-project" }), 400, "CPS.0030", /member is invalid/);
    expectCphError(
      await share(alice, BASE, { member: "ffff0000000000000000000000000001" }),
      400,
      "CPS.0030",
      /does not exist/,
    );
    expectCphError(await share(alice, BASE, { member: DEMO.globexCn }), 400, "CPS.0030", /region/);
    expectCphError(await share(alice, BASE, { member: DEMO.acmeAp }), 400, "CPS.0030", /yourself/);
    expectCphError(await share(alice, GAME, { member: DEMO.globexAp }), 400, "CPS.0030", /already been shared/);
    expectCphError(await share(alice, AT_LIMIT, { member: DEMO.globexAp }), 400, "CPS.0030", /maximum of 10/);
    expect(emulator.emu.world.cphMembers.get(AT_LIMIT)?.size).toBe(10);
    expect(emulator.emu.world.cphMembers.get(BASE)?.size ?? 0).toBe(0);
  });

  it("uses the configured codes and member limit", async () => {
    emulator.close();
    emulator = testEmulator({
      cph: {
        memberLimit: 1,
        limitCode: "CPS.9001",
        duplicateCode: "CPS.9002",
        invalidMemberCode: "CPS.9003",
        notMemberCode: "CPS.9004",
      },
    });
    alice = await emulator.login("alice");
    expect((await share(alice, BASE, { member: DEMO.globexAp })).status).toBe(200);
    expectCphError(await share(alice, BASE, { member: DEMO.initechAp }), 400, "CPS.9001", /maximum of 1 /);
    expectCphError(await share(alice, BASE, { member: DEMO.globexAp }), 400, "CPS.9002");
    expectCphError(await share(alice, BASE, { member: DEMO.acmeAp }), 400, "CPS.9003", /yourself/);
    expectCphError(await share(alice, BASE, { member: DEMO.globexCn }), 400, "CPS.9003");
    const notMember = await emulator.call("PUT", membersPath(DEMO.acmeAp, BASE), {
      token: alice,
      body: { status: "accepted" },
    });
    expectCphError(notMember, 400, "CPS.9004");
    const unknown = await emulator.call("DELETE", `${membersPath(DEMO.acmeAp, BASE)}/${DEMO.initechAp}`, {
      token: alice,
    });
    expectCphError(unknown, 400, "CPS.9004");
  });

  it("lists members for the owner only, paged by marker and limit", async () => {
    const all = (await listMembers(alice, AT_LIMIT)).body.members.map((m: any) => m.member_id);
    expect(all).toHaveLength(10);
    const seen: string[] = [];
    let marker: string | undefined;
    const sizes: number[] = [];
    for (;;) {
      const res = await listMembers(alice, AT_LIMIT, `?limit=4${marker ? `&marker=${marker}` : ""}`);
      expect(res.status).toBe(200);
      const ids = res.body.members.map((m: any) => m.member_id);
      sizes.push(ids.length);
      if (ids.length === 0) break;
      seen.push(...ids);
      marker = ids[ids.length - 1];
    }
    expect(sizes).toEqual([4, 4, 2, 0]);
    expect(seen).toEqual(all);

    expectCphError(await listMembers(alice, AT_LIMIT, "?limit=0"), 400, "CPS.0002");
    expectCphError(await listMembers(alice, AT_LIMIT, "?limit=101"), 400, "CPS.0002");
    expectCphError(await listMembers(alice, AT_LIMIT, "?marker=ffff0000000000000000000000000001"), 400, "CPS.0002");
    expectCphError(await listMembers(bob, GAME, "", DEMO.globexAp), 400, "CPS.0030");
    const audrey = await emulator.login("audrey");
    expect((await listMembers(audrey, GAME)).body.members.map((m: any) => m.member_id)).toEqual([DEMO.globexAp]);
  });

  it("lets the recipient accept and reject, and refuses non-members", async () => {
    const update = (token: string, image: string, body: unknown, project: string = DEMO.acmeAp) =>
      emulator.call("PUT", membersPath(project, image), { token, body });
    const before = emulator.emu.clock.now();
    const accepted = await update(alice, GLOBEX_IMAGE, { status: "accepted" });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ request_id: accepted.headers.get("x-request-id") });
    const membership = emulator.emu.world.cphMembers.get(GLOBEX_IMAGE)?.get(DEMO.acmeAp);
    expect(membership?.status).toBe("accepted");
    expect(membership?.updateTime).toBeGreaterThanOrEqual(before);

    expect((await update(alice, GLOBEX_IMAGE, { status: "rejected" })).status).toBe(200);
    expect(emulator.emu.world.cphMembers.get(GLOBEX_IMAGE)?.get(DEMO.acmeAp)?.status).toBe("rejected");

    const carol = await emulator.login("carol");
    expectCphError(
      await update(carol, GLOBEX_IMAGE, { status: "accepted" }, DEMO.initechAp),
      400,
      "CPS.0030",
      /not a member/,
    );
    expectCphError(await update(alice, GAME, { status: "accepted" }), 400, "CPS.0030", /not a member/);
    expectCphError(
      await update(alice, "ac0e0000000000000000000000c9afff", { status: "accepted" }),
      400,
      "CPS.0030",
      /image_id/,
    );
    expectCphError(await update(alice, GLOBEX_IMAGE, { status: "maybe" }), 400, "CPS.0010");
    expectCphError(
      await emulator.call("PUT", membersPath(DEMO.acmeAp, GLOBEX_IMAGE), { token: alice }),
      400,
      "CPS.0010",
    );
    expectCphError(await update(alice, GLOBEX_IMAGE, { status: "accepted" }, DEMO.globexAp), 403, "CPS.0001");
    expect(emulator.emu.world.cphMembers.get(GLOBEX_IMAGE)?.get(DEMO.acmeAp)?.status).toBe("rejected");
  });

  it("cancels only existing members of the caller's own images", async () => {
    const cancel = (token: string, image: string, member: string, project: string = DEMO.acmeAp) =>
      emulator.call("DELETE", `${membersPath(project, image)}/${member}`, { token });
    expectCphError(await cancel(alice, BASE, DEMO.globexAp), 400, "CPS.0030", /not a member/);
    expectCphError(await cancel(bob, GAME, DEMO.globexAp, DEMO.globexAp), 400, "CPS.0030", /image_id/);
    expect(emulator.emu.world.cphMembers.get(GAME)?.has(DEMO.globexAp)).toBe(true);
  });

  it("refuses the read-only user with 403 and changes nothing", async () => {
    const audrey = await emulator.login("audrey");
    expectCphError(await share(audrey, BASE, { member: DEMO.globexAp }), 403, "CPS.0001", /permission/);
    const accept = { token: audrey, body: { status: "accepted" } };
    expectCphError(await emulator.call("PUT", membersPath(DEMO.acmeAp, GLOBEX_IMAGE), accept), 403, "CPS.0001");
    expectCphError(
      await emulator.call("DELETE", `${membersPath(DEMO.acmeAp, GAME)}/${DEMO.globexAp}`, { token: audrey }),
      403,
      "CPS.0001",
    );
    expect(emulator.emu.world.cphMembers.get(BASE)?.size ?? 0).toBe(0);
    expect(emulator.emu.world.cphMembers.get(GLOBEX_IMAGE)?.get(DEMO.acmeAp)?.status).toBe("pending");
    expect(emulator.emu.world.cphMembers.get(GAME)?.has(DEMO.globexAp)).toBe(true);
  });
});
