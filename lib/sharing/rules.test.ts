import { describe, expect, it } from "vitest";
import { CloudError } from "@/lib/cloud/errors";
import { text } from "@/lib/i18n/text";
import { textIn } from "@/test/intl";
import { callFailure } from "./apply";
import { NO_POLICY } from "@/lib/policy/policy";
import { planShare } from "./plan";
import { REASONS, type ImageFacts } from "./rules";
import { parseTargets } from "./targets";

const OWNER = "ac0e00000000000000000000000000a1";
const ACCOUNT = "ac0e0000000000000000000000000001";
const OWN_CN = "ac0e00000000000000000000000000c4";
const GLOBEX = "610be0000000000000000000000000a1";
const INITECH = "1417ec000000000000000000000000a1";
const URN = "organizations::ac0e0000000000000000000000000001:ou:o-acme0001/ou-partners01";
const filler = (n: number) => `c0c0${String(n).padStart(28, "0")}`;

const ims = (over: Partial<ImageFacts> = {}): ImageFacts => ({
  id: "1b7f0000-0000-4000-8000-000000000001",
  name: "ubuntu",
  service: "ims",
  owned: true,
  memberIds: [],
  limit: 256,
  kind: "system",
  tags: [],
  encrypted: false,
  ...over,
});
const phone = (over: Partial<ImageFacts> = {}): ImageFacts =>
  ims({ id: "ac0e0000000000000000000000c9a001", name: "phone", service: "cph", limit: 10, ...over });

const ctx = (
  knownProjects = [
    { id: OWNER, name: "ap-southeast-1" },
    { id: OWN_CN, name: "cn-north-4" },
  ],
) => ({ owner: { projectId: OWNER, accountId: ACCOUNT, region: "ap-southeast-1" }, knownProjects });

const plan = (image: ImageFacts, text: string, kind: "project" | "account" = "project", known = ctx()) =>
  planShare(image.service, text, [image], parseTargets(text, kind), known);
const decisions = (view: ReturnType<typeof plan>) => view.rows.map((r) => [r.input, r.decision, r.code]);

describe("the sharing rules, one wording for IMS and CPH", () => {
  for (const image of [ims(), phone()]) {
    it(`${image.service}: adds new projects, saying which member each becomes`, () => {
      const view = plan(image, `${GLOBEX}\n${INITECH}`);
      expect(decisions(view)).toEqual([
        [GLOBEX, "add", "new_member"],
        [INITECH, "add", "new_member"],
      ]);
      expect(view.rows.map((r) => r.reason)).toEqual([
        text("sharing.reasons.newMember", { count: 1, limit: image.limit }),
        text("sharing.reasons.newMember", { count: 2, limit: image.limit }),
      ]);
      expect(view.counts).toEqual({ add: 2, skip: 0, blocked: 0 });
    });

    it(`${image.service}: blocks bad formats and the image's own project; skips members; lower-cases and de-duplicates`, () => {
      const view = plan(
        { ...image, memberIds: [INITECH] },
        `not-an-id, 1b7f0000-0000-4000-8000-000000000001 ${OWNER} ${GLOBEX.toUpperCase()}; ${GLOBEX} ${INITECH}`,
      );
      expect(decisions(view)).toEqual([
        ["not-an-id", "blocked", "bad_format"],
        ["1b7f0000-0000-4000-8000-000000000001", "blocked", "bad_format"],
        [OWNER, "blocked", "own_project"],
        [GLOBEX, "add", "new_member"],
        [INITECH, "skip", "already_member"],
      ]);
      expect(view.rows[0].reason).toEqual(text("sharing.badTarget.notAnId", { kind: "project" }));
      expect(view.rows[1].reason).toEqual(text("sharing.badTarget.imageId"));
      expect(view.rows[2].reason).toEqual(REASONS.ownProject);
    });

    it(`${image.service}: blocks the user's own projects of another region, naming both regions`, () => {
      expect(plan(image, OWN_CN).rows[0]).toMatchObject({
        decision: "blocked",
        code: "other_region",
        label: "cn-north-4",
        reason: text("sharing.reasons.otherRegion", { region: "ap-southeast-1", targetRegion: "cn-north-4" }),
      });
      const dev = plan(image, OWN_CN, "project", ctx([{ id: OWN_CN, name: "cn-north-4_dev" }]));
      expect(dev.rows[0].reason).toEqual(
        text("sharing.reasons.otherRegionNamed", {
          region: "ap-southeast-1",
          targetRegion: "cn-north-4",
          label: "cn-north-4_dev",
        }),
      );
      const sub = plan(image, OWN_CN, "project", ctx([{ id: OWN_CN, name: "ap-southeast-1_dev" }]));
      expect(sub.rows[0].decision).toBe("add");
    });

    it(`${image.service}: counts earlier adds toward the member limit`, () => {
      const members = Array.from({ length: image.limit - 2 }, (_, i) => filler(i + 1));
      const view = plan({ ...image, memberIds: members }, [GLOBEX, filler(1), INITECH, filler(900)].join(" "));
      expect(decisions(view)).toEqual([
        [GLOBEX, "add", "new_member"],
        [filler(1), "skip", "already_member"],
        [INITECH, "add", "new_member"],
        [filler(900), "blocked", "over_limit"],
      ]);
      expect(view.rows[3].reason).toEqual(
        text("sharing.reasons.overLimit", { count: image.limit, limit: image.limit }),
      );
    });

    it(`${image.service}: blocks every pair of an image that cannot be shared`, () => {
      const encrypted = text("sharing.blockers.encrypted.reason");
      expect(plan({ ...image, shareBlocker: encrypted }, GLOBEX).rows[0]).toMatchObject({
        decision: "blocked",
        code: "not_shareable",
        reason: encrypted,
      });
    });
  }

  it("IMS: takes accounts and organizations, and blocks the own account", () => {
    expect(decisions(plan(ims(), `${ACCOUNT} ${GLOBEX}`, "account"))).toEqual([
      [ACCOUNT, "blocked", "own_account"],
      [GLOBEX, "add", "new_member"],
    ]);
    expect(decisions(plan(ims(), URN))).toEqual([[URN, "add", "new_member"]]);
  });

  it("CPH: shares with projects only", () => {
    expect(decisions(plan(phone(), URN))).toEqual([[URN, "blocked", "not_a_project"]]);
    expect(decisions(plan(phone(), GLOBEX, "account"))).toEqual([[GLOBEX, "blocked", "not_a_project"]]);
  });

  it("returns nothing for empty text", () => {
    expect(plan(phone(), " \n ,; ").rows).toEqual([]);
  });
});

describe("the rules' sentences in both languages", () => {
  const en = textIn("en");
  const zh = textIn("zh-CN");

  it("says each reason in English as before and in Chinese with the same numbers and ids", () => {
    expect(en(REASONS.alreadyMember)).toBe("Already a member.");
    expect(zh(REASONS.alreadyMember)).toBe("已是共享成员。");
    expect(en(REASONS.newMember(3, 10))).toBe("Becomes member 3 of 10.");
    expect(zh(REASONS.newMember(3, 10))).toBe("将成为第 3 个共享成员（上限 10 个）。");
    expect(en(REASONS.overLimit(256, 256))).toBe(
      "Member quota used up: 256 / 256, counting the targets added before it.",
    );
    expect(zh(REASONS.overLimit(256, 256))).toContain("共享成员配额已用完：256 / 256");
    expect(en(REASONS.otherRegion("ap-southeast-1", "cn-north-4", "cn-north-4_dev"))).toBe(
      "Must be in ap-southeast-1: this is your cn-north-4 project cn-north-4_dev.",
    );
    expect(zh(REASONS.otherRegion("ap-southeast-1", "cn-north-4", "cn-north-4"))).toBe(
      "必须位于区域 ap-southeast-1：这是您在区域 cn-north-4 的项目。",
    );
    expect(en(REASONS.notFound("cph"))).toBe("Not found: no phone image of this project has this id.");
    expect(zh(REASONS.notFound("ims"))).toBe("未找到：本项目没有此 ID 的 IMS 镜像。");
  });
});

describe("callFailure", () => {
  it("names the region only when the cloud refused the project for it", () => {
    const region = new CloudError(
      "cph",
      400,
      "CPS.0030",
      "Parameter: member is invalid: images can only be shared within a region.",
    );
    expect(callFailure(region, "ap-southeast-1")).toEqual({
      reason: text("sharing.failures.otherRegion", { region: "ap-southeast-1" }),
      code: "CPS.0030",
    });
    expect(textIn()(callFailure(region, "ap-southeast-1").reason)).toBe(
      "Must be in ap-southeast-1: Huawei Cloud refused a project of another region.",
    );
    const duplicate = new CloudError("cph", 400, "CPS.0030", "The image has already been shared with this project.");
    expect(callFailure(duplicate, "ap-southeast-1")).toEqual({
      reason: text("errors.refused", { message: "The image has already been shared with this project." }),
      code: "CPS.0030",
    });
  });

  it("explains unavailability, refusals of permission and unknown failures in the vocabulary", () => {
    const down = new CloudError("cph", 503, "CPS.0003", "Service unavailable (injected fault).");
    const en = textIn();
    expect(callFailure(down, "ap-southeast-1")).toEqual({
      reason: text("errors.codes.upstream_unavailable"),
      code: "CPS.0003",
    });
    expect(en(callFailure(new CloudError("cph", 403, "CPS.0001", "No permission"), "ap-southeast-1").reason)).toMatch(
      /not allowed/,
    );
    const crash = callFailure(new Error("boom"), "ap-southeast-1");
    expect(crash.code).toBe("internal");
    expect(en(crash.reason)).toMatch(/went wrong/);
  });
});

describe("the sharing policy on a plan", () => {
  const SUB = "ac0e00000000000000000000000000d1";
  const known = ctx([
    { id: OWNER, name: "ap-southeast-1" },
    { id: SUB, name: "ap-southeast-1_dev" },
  ]);
  const world = {
    accountId: ACCOUNT,
    ownProjectIds: new Set([OWNER, SUB]),
    organization: { id: "o-acme0001", accountIds: new Set<string>(), unitIds: new Set(["ou-partners01"]) },
    sharedTargets: new Set<string>(),
    sharedImages: new Set<string>(),
  };
  const policy = { ...NO_POLICY, mode: "enforce" as const, otherwise: "approve" as const, lockedNames: ["locked-*"] };
  const judged = (image: ImageFacts, mode: "enforce" | "audit") =>
    planShare(image.service, `${GLOBEX}\n${SUB}`, [image], parseTargets(`${GLOBEX}\n${SUB}`, "project"), known, {
      policy: { ...policy, mode },
      world,
    });

  it("enforced, a locked image's pairs are blocked by the policy; the plan needs nothing more for the rest", () => {
    const view = judged(ims({ name: "locked-base" }), "enforce");
    expect(decisions(view)).toEqual([
      [GLOBEX, "blocked", "policy_denied"],
      [SUB, "blocked", "policy_denied"],
    ]);
    expect(view.rows[0].reason).toEqual(text("policy.rules.lockedName", { pattern: "locked-*" }));
    expect(view.policy).toEqual({
      mode: "enforce",
      needs: "allowed",
      counts: { allowed: 0, reason: 0, approval: 0, denied: 2 },
    });
  });

  it("in audit mode the same pairs stay to add, saying what would be, and another account's project needs approval", () => {
    const locked = judged(ims({ name: "locked-base" }), "audit");
    expect(decisions(locked).map((d) => d[1])).toEqual(["add", "add"]);
    expect(locked.rows[0].policy).toMatchObject({ verdict: "denied", rule: "lockedName" });
    const open = judged(ims(), "enforce");
    expect(open.rows.map((r) => [r.policy?.verdict, r.policy?.rule, r.risks])).toEqual([
      ["approval", "otherwise", ["firstWithTarget", "outsideOrganization", "imageNeverShared"]],
      ["allowed", "ownProject", ["imageNeverShared"]],
    ]);
    expect(open.policy?.needs).toBe("approval");
  });
});
