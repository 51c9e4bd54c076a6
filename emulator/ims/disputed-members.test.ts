import { describe, expect, it } from "vitest";
import type { ConfigPatch } from "../core/config";
import { acmeImageId, DEMO } from "../seed/demo";
import { testEmulator } from "../testing";

/** Section 14 of cloud-api.md, rows D3 (consumer's member reads) and D2 (nulls) on the IMS member and job APIs. */

const UBUNTU = acmeImageId(1);
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
      expect(res.body).toEqual({
        error: { code: "IMG.0047", message: "This operation can be performed only by the image owner." },
      });
    }
    const owner = await t.call("GET", v1(DEMO.acmeAp, DEBIAN), { token: alice });
    expect(owner.body.members.map((m: { member_id: string }) => m.member_id)).toEqual([DEMO.globexAp, DEMO.initechAp]);
    expect((await t.call("GET", v1(DEMO.acmeAp, DEBIAN, DEMO.initechAp), { token: alice })).body.status).toBe(
      "pending",
    );
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

describe("D2 null-optional-fields (IMS members and jobs)", () => {
  /** The owner's member list of debian-12-base, and a finished batch job that names two projects. */
  async function read(config: ConfigPatch = {}) {
    const { t, alice } = await setup(config);
    const list = (await t.call("GET", v1(DEMO.acmeAp, DEBIAN), { token: alice })).body;
    const submitted = await t.call("POST", "/v1/cloudimages/members", {
      token: alice,
      body: { images: [UBUNTU], projects: [DEMO.globexAp, DEMO.initechAp] },
    });
    const job = (await t.call("GET", `/v1/${DEMO.acmeAp}/jobs/${submitted.body.job_id}`, { token: alice })).body;
    return { list, job };
  }

  it('A: next_marker is "" on the last page, urn and a result\'s project_id are omitted', async () => {
    const { list, job } = await read();
    expect(list.page_info).toEqual({ next_marker: "", current_count: 2 });
    expect(list.members[0]).not.toHaveProperty("urn");
    expect(job).toMatchObject({ status: "SUCCESS", error_code: null, fail_reason: null });
    expect(job.entities.results).toEqual([{ image_id: UBUNTU, status: "success" }]);
  });

  it("B: next_marker, urn and a result's project_id are null; the job's null fields stay null", async () => {
    const { list, job } = await read({ disputed: { nullOptionalFields: "B" } });
    expect(list.page_info).toEqual({ next_marker: null, current_count: 2 });
    expect(list.members[0]).toMatchObject({ member_id: DEMO.globexAp, urn: null });
    expect(job).toMatchObject({ status: "SUCCESS", error_code: null, fail_reason: null, end_time: expect.any(String) });
    expect(job.entities.results).toEqual([{ image_id: UBUNTU, project_id: null, status: "success" }]);
  });
});
