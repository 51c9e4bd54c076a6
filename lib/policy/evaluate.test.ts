import { describe, expect, it } from "vitest";
import { countVerdicts, judgePairs, strictest, type PolicyImage, type PolicyWorld, type Target } from "./evaluate";
import { NO_POLICY, nameMatches, policySchema, tagMatches, type SharingPolicy } from "./policy";

const ACME = "ac0e0000000000000000000000000001";
const GLOBEX = "610be000000000000000000000000002";
const UMBRELLA_AP = "0b1e00000000000000000000000000a1";
const ACME_CN = "ac0e00000000000000000000000000c4";
const PARTNERS = `organizations::${ACME}:ou:o-acme0001/ou-partners01`;

const world: PolicyWorld = {
  accountId: ACME,
  ownProjectIds: new Set([ACME_CN]),
  organization: { id: "o-acme0001", accountIds: new Set([GLOBEX]), unitIds: new Set(["ou-partners01"]) },
  sharedTargets: new Set([GLOBEX]),
  sharedImages: new Set(["img-shared"]),
};
const image = (over: Partial<PolicyImage> = {}): PolicyImage => ({
  id: "img-1",
  name: "app-01",
  kind: "system",
  tags: [],
  memberCount: 1,
  ...over,
});
const account = (value: string): Target => ({ kind: "account", value });
const project = (value: string): Target => ({ kind: "project", value });
const orgOnly: SharingPolicy = { ...NO_POLICY, mode: "enforce", allowOrganization: true, otherwise: "approve" };

describe("judgePairs", () => {
  it("says nothing with the policy off, but still flags the risks", () => {
    const [j] = judgePairs(NO_POLICY, world, [
      { image: image({ memberCount: 0, id: "new" }), target: project(UMBRELLA_AP) },
    ]);
    expect(j.verdict).toBeUndefined();
    expect(j.risks).toEqual(["firstWithTarget", "outsideOrganization", "imageNeverShared"]);
  });

  it("organization only, otherwise approval: the organization's accounts and units pass, anything else asks", () => {
    const judged = judgePairs(orgOnly, world, [
      { image: image(), target: account(GLOBEX) },
      { image: image(), target: { kind: "organization", value: PARTNERS } },
      { image: image(), target: project(ACME_CN) },
      { image: image(), target: project(UMBRELLA_AP) },
    ]);
    expect(judged.map((j) => [j.verdict?.verdict, j.verdict?.rule])).toEqual([
      ["allowed", "organization"],
      ["allowed", "organization"],
      ["allowed", "ownProject"],
      ["approval", "otherwise"],
    ]);
    expect(countVerdicts(judged)).toEqual({ allowed: 3, reason: 0, approval: 1, denied: 0 });
    expect(strictest(judged)).toBe("approval");
  });

  it("a project of another account is never taken for the organization's: only the allowlist lets it through", () => {
    const warn = { ...orgOnly, otherwise: "warn" as const };
    expect(judgePairs(warn, world, [{ image: image(), target: project(UMBRELLA_AP) }])[0].verdict?.verdict).toBe(
      "reason",
    );
    const listed = { ...warn, allowlist: [UMBRELLA_AP] };
    expect(judgePairs(listed, world, [{ image: image(), target: project(UMBRELLA_AP) }])[0].verdict).toMatchObject({
      verdict: "allowed",
      rule: "allowlist",
    });
  });

  it("a locked image is denied even for an allowed target, and the strictest rule wins", () => {
    const policy = { ...orgOnly, lockedNames: ["golden-*"], lockedTags: ["secret"], approvalKinds: ["whole" as const] };
    const judged = judgePairs(policy, world, [
      { image: image({ name: "Golden-base" }), target: account(GLOBEX) },
      { image: image({ tags: ["secret.yes"] }), target: account(GLOBEX) },
      { image: image({ kind: "whole" }), target: account(GLOBEX) },
    ]);
    expect(judged.map((j) => [j.verdict?.verdict, j.verdict?.rule])).toEqual([
      ["denied", "lockedName"],
      ["denied", "lockedTag"],
      ["approval", "kind"],
    ]);
    expect(judged[2].risks).toContain("wholeOrEncrypted");
  });

  it("a plan over the batch size asks for approval for every pair not already held back", () => {
    const policy = { ...orgOnly, approvalBatchOver: 2, lockedNames: ["locked"] };
    const pairs = [image(), image(), image({ name: "locked" })].map((i) => ({ image: i, target: account(GLOBEX) }));
    expect(judgePairs(policy, world, pairs).map((j) => j.verdict?.rule)).toEqual([
      "batchSize",
      "batchSize",
      "lockedName",
    ]);
    expect(judgePairs(policy, world, pairs.slice(0, 2)).map((j) => j.verdict?.rule)).toEqual([
      "organization",
      "organization",
    ]);
  });

  it("audit mode judges exactly as enforce does", () => {
    const pairs = [{ image: image(), target: project(UMBRELLA_AP) }];
    expect(judgePairs({ ...orgOnly, mode: "audit" }, world, pairs)).toEqual(judgePairs(orgOnly, world, pairs));
  });
});

describe("the policy's patterns", () => {
  it("matches whole names with * and ?, in any case", () => {
    expect(nameMatches("golden-*", "GOLDEN-ubuntu")).toBe(true);
    expect(nameMatches("golden-*", "my-golden-ubuntu")).toBe(false);
    expect(nameMatches("app-0?", "app-07")).toBe(true);
    expect(nameMatches("a.b", "axb")).toBe(false);
  });

  it("matches tags by key, or by key and value, in IMS's key.value form too", () => {
    expect(tagMatches("env", ["env.prod"])).toBe(true);
    expect(tagMatches("env=prod", ["env.prod"])).toBe(true);
    expect(tagMatches("env=prod", ["env=dev"])).toBe(false);
    expect(tagMatches("env", ["environment.prod"])).toBe(false);
  });

  it("refuses an allowlist entry that is neither an id nor a URN, and a pattern with spaces", () => {
    expect(policySchema.safeParse({ ...NO_POLICY, allowlist: ["umbrella"] }).success).toBe(false);
    expect(policySchema.safeParse({ ...NO_POLICY, lockedNames: ["a b"] }).success).toBe(false);
    expect(policySchema.safeParse({ ...NO_POLICY, allowlist: [PARTNERS, GLOBEX] }).success).toBe(true);
  });
});
