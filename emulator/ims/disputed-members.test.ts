import { describe, expect, it } from "vitest";
import type { ConfigPatch } from "../core/config";
import { acmeImageId, DEMO } from "../seed/demo";
import { testEmulator } from "../testing";

/** Section 14 of cloud-api.md, rows D3 (consumer's member reads) on the IMS member APIs. */

const DEBIAN = acmeImageId(2);
const v1 = (project: string, image: string, member?: string) =>
  `/v1/${project}/cloudimages/${image}/members${member ? `/${member}` : ""}`;

async function setup(config: ConfigPatch = {}) {
  const t = testEmulator(config);
  const [alice, carol] = await Promise.all([t.login("alice"), t.login("carol")]);
  return { t, alice, carol };
}

describe("D3 recipient-member-read", () => {
  it("A: the consumer reads its own entry through the v1 list and show", async () => {
    const { t, carol } = await setup();
    const list = await t.call("GET", v1(DEMO.initechAp, DEBIAN), { token: carol });
    expect(list.status).toBe(200);
    expect(list.body.members).toMatchObject([{ member_id: DEMO.initechAp, status: "pending" }]);
    const show = await t.call("GET", v1(DEMO.initechAp, DEBIAN, DEMO.initechAp), { token: carol });
    expect(show.body).toMatchObject({ member_id: DEMO.initechAp, status: "pending" });
  });

  it("B: the consumer's v1 list and show answer 403 IMG.0047; the owner's and the documented consumer reads still work", async () => {
    const { t, alice, carol } = await setup({ disputed: { recipientMemberRead: "B" } });
    for (const path of [v1(DEMO.initechAp, DEBIAN), v1(DEMO.initechAp, DEBIAN, DEMO.initechAp)]) {
      const res = await t.call("GET", path, { token: carol });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { code: "IMG.0047", message: "This operation can be performed only by the image owner." } });
    }
    const owner = await t.call("GET", v1(DEMO.acmeAp, DEBIAN), { token: alice });
    expect(owner.body.members.map((m: { member_id: string }) => m.member_id)).toEqual([DEMO.globexAp, DEMO.initechAp]);
    expect((await t.call("GET", v1(DEMO.acmeAp, DEBIAN, DEMO.initechAp), { token: alice })).body.status).toBe("pending");
    const native = await t.call("GET", `/v2/images/${DEBIAN}/members/${DEMO.initechAp}`, { token: carol });
    expect(native.body).toMatchObject({ member_id: DEMO.initechAp, status: "pending" });
    const inbox = await t.call("GET", "/v2/cloudimages?visibility=shared&member_status=pending", { token: carol });
    expect(inbox.body.images.map((i: { id: string }) => i.id)).toContain(DEBIAN);
  });

  it("B with recipientMemberReadStatus 404: the consumer gets 404 IMG.0027, as a stranger does", async () => {
    const { t, carol } = await setup({ disputed: { recipientMemberRead: "B", recipientMemberReadStatus: 404 } });
    const res = await t.call("GET", v1(DEMO.initechAp, DEBIAN), { token: carol });
    expect([res.status, res.body.error.code]).toEqual([404, "IMG.0027"]);
  });
});
