import { describe, expect, it } from "vitest";
import { CloudError } from "@/lib/cloud/errors";
import { phoneCallFailure, planCounts, planPhoneShare, type PhonePlanFacts } from "./phone-plan";

const OWNER = "ac0e00000000000000000000000000a1";
const OWN_CN = "ac0e00000000000000000000000000c4";
const GLOBEX = "610be0000000000000000000000000a1";
const INITECH = "1417ec000000000000000000000000a1";
const filler = (n: number) => `c0c0${String(n).padStart(28, "0")}`;

const facts = (over: Partial<PhonePlanFacts> = {}): PhonePlanFacts => ({
  ownerProjectId: OWNER,
  region: "ap-southeast-1",
  memberIds: [],
  knownProjects: [
    { id: OWNER, name: "ap-southeast-1" },
    { id: OWN_CN, name: "cn-north-4" },
  ],
  ...over,
});

const decisions = (rows: ReturnType<typeof planPhoneShare>) => rows.map((r) => [r.input, r.decision, r.code]);

describe("planPhoneShare", () => {
  it("adds new projects of the region and of other accounts", () => {
    const rows = planPhoneShare(`${GLOBEX}\n${INITECH}`, facts());
    expect(decisions(rows)).toEqual([
      [GLOBEX, "add", undefined],
      [INITECH, "add", undefined],
    ]);
    expect(rows[0]).toMatchObject({ projectId: GLOBEX, projectName: undefined, reason: "Becomes member 1 of 10." });
    expect(rows[1].reason).toBe("Becomes member 2 of 10.");
  });

  it("blocks bad formats, organization URNs and the image's own project, with a reason", () => {
    const urn = "organizations::ac0e0000000000000000000000000001:ou:o-acme0001/ou-partners01";
    const rows = planPhoneShare(`not-an-id, 1b7f0000-0000-4000-8000-000000000001 ${urn} ${OWNER}`, facts());
    expect(decisions(rows)).toEqual([
      ["not-an-id", "blocked", "bad_format"],
      ["1b7f0000-0000-4000-8000-000000000001", "blocked", "bad_format"],
      [urn, "blocked", "not_a_project"],
      [OWNER, "blocked", "own_project"],
    ]);
    expect(rows[1].reason).toMatch(/image id/);
    expect(rows[3].reason).toBe("This is the image's own project.");
  });

  it("skips current members and lower-cases and de-duplicates what was pasted", () => {
    const rows = planPhoneShare(`${GLOBEX.toUpperCase()}; ${GLOBEX} ${INITECH}`, facts({ memberIds: [GLOBEX] }));
    expect(decisions(rows)).toEqual([
      [GLOBEX, "skip", "already_member"],
      [INITECH, "add", undefined],
    ]);
  });

  it("blocks the user's own projects of another region, naming both regions", () => {
    const [row] = planPhoneShare(OWN_CN, facts());
    expect(row).toMatchObject({ decision: "blocked", code: "other_region", projectName: "cn-north-4" });
    expect(row.reason).toBe("Must be in ap-southeast-1: this is your cn-north-4 project.");
    const [dev] = planPhoneShare(OWN_CN, facts({ knownProjects: [{ id: OWN_CN, name: "cn-north-4_dev" }] }));
    expect(dev.reason).toBe("Must be in ap-southeast-1: this is your cn-north-4 project cn-north-4_dev.");
    const [sub] = planPhoneShare(OWN_CN, facts({ knownProjects: [{ id: OWN_CN, name: "ap-southeast-1_dev" }] }));
    expect(sub.decision).toBe("add");
  });

  it("counts earlier adds toward the limit of 10", () => {
    const members = Array.from({ length: 8 }, (_, i) => filler(i + 1));
    const rows = planPhoneShare(
      [GLOBEX, filler(1), INITECH, filler(20), filler(21)].join(" "),
      facts({ memberIds: members }),
    );
    expect(decisions(rows)).toEqual([
      [GLOBEX, "add", undefined],
      [filler(1), "skip", "already_member"],
      [INITECH, "add", undefined],
      [filler(20), "blocked", "over_limit"],
      [filler(21), "blocked", "over_limit"],
    ]);
    expect(rows[3].reason).toBe("Over the limit of 10 members: 10 / 10 counting the projects added above.");
    expect(planCounts(rows)).toEqual({ add: 2, skip: 1, blocked: 2 });
  });

  it("blocks an 11th member of an image at the limit, but still skips its members", () => {
    const members = Array.from({ length: 10 }, (_, i) => filler(i + 1));
    expect(decisions(planPhoneShare(`${GLOBEX} ${filler(3)}`, facts({ memberIds: members })))).toEqual([
      [GLOBEX, "blocked", "over_limit"],
      [filler(3), "skip", "already_member"],
    ]);
  });

  it("returns nothing for empty text", () => {
    expect(planPhoneShare(" \n ,; ", facts())).toEqual([]);
  });
});

describe("phoneCallFailure", () => {
  it("names the region only when the cloud refused the project for it", () => {
    const region = new CloudError(
      "cph",
      400,
      "CPS.0030",
      "Parameter: member is invalid: images can only be shared within a region.",
    );
    expect(phoneCallFailure(region, "ap-southeast-1")).toEqual({
      reason: "Must be in ap-southeast-1: Huawei Cloud refused a project of another region.",
      code: "CPS.0030",
    });
    const duplicate = new CloudError("cph", 400, "CPS.0030", "The image has already been shared with this project.");
    expect(phoneCallFailure(duplicate, "ap-southeast-1")).toEqual({
      reason: "Huawei Cloud refused the request: The image has already been shared with this project.",
      code: "CPS.0030",
    });
  });

  it("explains unavailability, refusals of permission and unknown failures in the vocabulary", () => {
    expect(
      phoneCallFailure(
        new CloudError("cph", 503, "CPS.0003", "Service unavailable (injected fault)."),
        "ap-southeast-1",
      ),
    ).toEqual({
      reason: "Huawei Cloud is not answering right now. Try again in a minute.",
      code: "CPS.0003",
    });
    expect(phoneCallFailure(new CloudError("cph", 403, "CPS.0001", "No permission"), "ap-southeast-1").reason).toMatch(
      /not allowed/,
    );
    expect(phoneCallFailure(new Error("boom"), "ap-southeast-1")).toEqual({
      reason: expect.stringMatching(/went wrong/),
      code: "internal",
    });
  });
});
