import { describe, expect, it } from "vitest";
import type { ConfigPatch } from "../core/config";
import { DEMO } from "../seed/demo";
import { testEmulator } from "../testing";
import { AT_LIMIT, expectCphError, GAME, GLOBEX_IMAGE } from "./test-helpers";

/** Section 14 of cloud-api.md, rows D2 (nulls), D6 (member list parameters) and D8 (statuses) on CPH. */

const UNKNOWN = "ac0e0000000000000000000000c9afff";
const images = (project: string) => `/v1/${project}/cloud-phone/images`;
const members = (project: string, image: string, member = "") =>
  `${images(project)}/${image}/members${member ? `/${member}` : ""}`;

async function setup(config: ConfigPatch = {}) {
  const t = testEmulator(config);
  const [alice, bob, carol] = await Promise.all([t.login("alice"), t.login("bob"), t.login("carol")]);
  return { t, alice, bob, carol };
}

describe("D2 null-optional-fields (CPH images)", () => {
  it("A: a row carries project_id (own image) or src_project_id (shared image), not both", async () => {
    const { t, alice } = await setup();
    const rows = (await t.call("GET", images(DEMO.acmeAp), { token: alice })).body.image_infos;
    const own = rows.find((r: { image_id: string }) => r.image_id === GAME);
    const shared = rows.find((r: { image_id: string }) => r.image_id === GLOBEX_IMAGE);
    expect(own.project_id).toBe(DEMO.acmeAp);
    expect(own).not.toHaveProperty("src_project_id");
    expect(shared.src_project_id).toBe(DEMO.globexAp);
    expect(shared).not.toHaveProperty("project_id");
  });

  it("B: the field a row does not carry is null", async () => {
    const { t, alice } = await setup({ disputed: { nullOptionalFields: "B" } });
    const rows = (await t.call("GET", images(DEMO.acmeAp), { token: alice })).body.image_infos;
    expect(rows.find((r: { image_id: string }) => r.image_id === GAME)).toMatchObject({
      project_id: DEMO.acmeAp,
      src_project_id: null,
    });
    expect(rows.find((r: { image_id: string }) => r.image_id === GLOBEX_IMAGE)).toMatchObject({
      project_id: null,
      src_project_id: DEMO.globexAp,
    });
  });
});

describe("D6 cph-member-paging", () => {
  it("A: the member list pages with limit and marker", async () => {
    const { t, alice } = await setup();
    const first = await t.call("GET", `${members(DEMO.acmeAp, AT_LIMIT)}?limit=4`, { token: alice });
    expect(first.body.members).toHaveLength(4);
    const next = await t.call(
      "GET",
      `${members(DEMO.acmeAp, AT_LIMIT)}?limit=100&marker=${first.body.members[3].member_id}`,
      { token: alice },
    );
    expect(next.body.members).toHaveLength(6);
  });

  it("B: any query parameter answers 400 CPS.0030; without one, every member comes in one answer", async () => {
    const { t, alice } = await setup({ disputed: { cphMemberPaging: "B" } });
    for (const query of ["?limit=4", "?marker=x", "?offset=0"]) {
      expectCphError(
        await t.call("GET", `${members(DEMO.acmeAp, AT_LIMIT)}${query}`, { token: alice }),
        400,
        "CPS.0030",
        /is invalid/,
      );
    }
    const all = await t.call("GET", members(DEMO.acmeAp, AT_LIMIT), { token: alice });
    expect(all.status).toBe(200);
    expect(all.body.members).toHaveLength(10);
  });
});

describe("D8 cph-error-status", () => {
  it("A: a duplicate share and an unknown image are 400 CPS.0030", async () => {
    const { t, alice, carol } = await setup();
    expectCphError(
      await t.call("POST", members(DEMO.acmeAp, GAME), { token: alice, body: { member: DEMO.globexAp } }),
      400,
      "CPS.0030",
      /already/,
    );
    expectCphError(
      await t.call("POST", members(DEMO.acmeAp, UNKNOWN), { token: alice, body: { member: DEMO.globexAp } }),
      400,
      "CPS.0030",
    );
    expectCphError(
      await t.call("PUT", members(DEMO.initechAp, GAME), { token: carol, body: { status: "accepted" } }),
      400,
      "CPS.0030",
      /not a member/,
    );
  });

  it("B: a duplicate share is 409, calls on an unknown or invisible image 404, same codes and body shape", async () => {
    const { t, alice, bob, carol } = await setup({ disputed: { cphErrorStatus: "B" } });
    expectCphError(
      await t.call("POST", members(DEMO.acmeAp, GAME), { token: alice, body: { member: DEMO.globexAp } }),
      409,
      "CPS.0030",
      /already/,
    );
    const unknown = [
      t.call("POST", members(DEMO.acmeAp, UNKNOWN), { token: alice, body: { member: DEMO.globexAp } }),
      t.call("GET", members(DEMO.acmeAp, UNKNOWN), { token: alice }),
      t.call("DELETE", members(DEMO.acmeAp, UNKNOWN, DEMO.globexAp), { token: alice }),
      t.call("PUT", members(DEMO.acmeAp, UNKNOWN), { token: alice, body: { status: "accepted" } }),
      t.call("DELETE", `${images(DEMO.acmeAp)}/${UNKNOWN}`, { token: alice }),
      t.call("POST", members(DEMO.globexAp, GAME), { token: bob, body: { member: DEMO.initechAp } }),
      t.call("PUT", members(DEMO.initechAp, GAME), { token: carol, body: { status: "accepted" } }),
    ];
    for (const res of await Promise.all(unknown)) expectCphError(res, 404, "CPS.0030", /image_id/);
    expect(t.emu.world.cphMembers.get(GAME)?.has(DEMO.initechAp)).toBe(false);
    const accepted = await t.call("PUT", members(DEMO.acmeAp, GLOBEX_IMAGE), {
      token: alice,
      body: { status: "accepted" },
    });
    expect(accepted.status).toBe(200);
  });
});
