import { describe, expect, it } from "vitest";
import type { ConfigPatch } from "../core/config";
import { acmeImageId, DEMO } from "../seed/demo";
import { testEmulator } from "../testing";

/** Section 14 of cloud-api.md, row D5 (batch bodies) on the IMS batch member APIs. */

const UBUNTU = acmeImageId(1);
const PATH = "/v1/cloudimages/members";
const OU_URN = `organizations::${DEMO.acme}:ou:${DEMO.org}/${DEMO.orgUnit}`;

const OLDER_REFUSES = [
  { images: [UBUNTU], projects: [DEMO.globexAp], domains: [] },
  { images: [UBUNTU], projects: [DEMO.globexAp], organizations: [] },
  { images: [UBUNTU], projects: [DEMO.globexAp], tenants: [DEMO.initechAp] },
];

async function setup(config: ConfigPatch = {}) {
  const t = testEmulator(config);
  const alice = await t.login("alice");
  const batch = (method: "POST" | "DELETE", body: unknown) => t.call(method, PATH, { token: alice, body });
  const jobs = () => t.emu.world.jobs.size;
  return { t, batch, jobs };
}

describe("D5 batch-empty-arrays", () => {
  it("A: empty domains and organizations arrays and unknown keys are accepted", async () => {
    const { t, batch } = await setup();
    for (const method of ["POST", "DELETE"] as const) {
      for (const body of OLDER_REFUSES) {
        const res = await batch(method, body);
        expect(res.status, JSON.stringify(body)).toBe(200);
        expect(res.body.job_id).toMatch(/^[0-9a-f]{32}$/);
      }
    }
    expect(t.emu.world.members.get(UBUNTU)?.has(DEMO.globexAp)).toBe(false);
  });

  it("B: they answer 400 IMG.0001 on add and delete and submit no job; non-empty arrays still work", async () => {
    const { t, batch, jobs } = await setup({ disputed: { batchEmptyArrays: "B" } });
    for (const method of ["POST", "DELETE"] as const) {
      for (const body of OLDER_REFUSES) {
        const res = await batch(method, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body).toEqual({ error: { code: "IMG.0001", message: "The request message format is invalid." } });
      }
    }
    expect(jobs()).toBe(0);
    const ok = await batch("POST", {
      images: [UBUNTU],
      projects: [DEMO.globexAp],
      domains: [DEMO.initech],
      organizations: [OU_URN],
    });
    expect(ok.status).toBe(200);
    expect([...(t.emu.world.members.get(UBUNTU)?.keys() ?? [])].sort()).toEqual(
      [DEMO.globexAp, DEMO.initech, DEMO.orgUnit].sort(),
    );
    expect((await batch("DELETE", { images: [UBUNTU], projects: [DEMO.globexAp] })).status).toBe(200);
    expect(t.emu.world.members.get(UBUNTU)?.has(DEMO.globexAp)).toBe(false);
  });
});
