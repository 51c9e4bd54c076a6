import { describe, expect, it } from "vitest";
import { text } from "@/lib/i18n/text";
import { REASONS } from "@/lib/sharing/rules";
import { parseTargets } from "@/lib/sharing/targets";
import { textIn } from "@/test/intl";
import {
  CELL_SEND,
  CELL_SKIP,
  excludedCells,
  pairsOf,
  planBatch,
  type BatchImageFacts,
  type BatchPlanFacts,
  type BatchPlanView,
} from "./plan";

const OWNER = "ac0e00000000000000000000000000a1";
const OWN_CN = "ac0e00000000000000000000000000c4";
const ACCOUNT = "ac0e0000000000000000000000000001";
const GLOBEX = "610be0000000000000000000000000a1";
const INITECH = "1417ec000000000000000000000000a1";
const hex = (prefix: string, n: number) => `${prefix}${String(n).padStart(32 - prefix.length, "0")}`;

const ims = (over: Partial<BatchImageFacts> = {}): BatchImageFacts => ({
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
const cph = (over: Partial<BatchImageFacts> = {}): BatchImageFacts =>
  ims({ id: "ac0e0000000000000000000000c9a001", name: "phone", service: "cph", limit: 10, ...over });

const facts = (
  over: Partial<BatchPlanFacts> & { text?: string; kind?: "project" | "account" } = {},
): BatchPlanFacts => ({
  operation: "share",
  images: [ims()],
  targets: parseTargets(over.text ?? GLOBEX, over.kind ?? "project"),
  owner: { projectId: OWNER, accountId: ACCOUNT, region: "ap-southeast-1" },
  knownProjects: [
    { id: OWNER, name: "ap-southeast-1" },
    { id: OWN_CN, name: "cn-north-4" },
  ],
  ...over,
});

const en = textIn();

/** Each cell as "send", "skip" or its blocked reason in English, row by row. */
const decisions = (plan: BatchPlanView) => {
  const w = plan.targets.length;
  return plan.images.map((_, i) =>
    plan.cells
      .slice(i * w, (i + 1) * w)
      .map((c) => (c === CELL_SEND ? "send" : c === CELL_SKIP ? "skip" : en(plan.reasons[c - 2]))),
  );
};

describe("planBatch: share", () => {
  it("adds new targets, skips members, and lists bad lines apart from the matrix", () => {
    const plan = planBatch(facts({ text: `${GLOBEX} ${INITECH} not-an-id`, images: [ims({ memberIds: [INITECH] })] }));
    expect(plan.targets.map((t) => t.value)).toEqual([GLOBEX, INITECH]);
    expect(plan.invalid).toEqual([
      { input: "not-an-id", reason: text("sharing.badTarget.notAnId", { kind: "project" }) },
    ]);
    expect(decisions(plan)).toEqual([["send", "skip"]]);
    expect(plan.counts).toEqual({ send: 1, skip: 1, blocked: 0, pairs: 2 });
  });

  it("blocks the image's own project, the own account, and own projects of another region", () => {
    expect(decisions(planBatch(facts({ text: `${OWNER} ${OWN_CN}` })))).toEqual([
      ["This is the image's own project.", "Must be in ap-southeast-1: this is your cn-north-4 project."],
    ]);
    expect(decisions(planBatch(facts({ text: ACCOUNT, kind: "account" })))).toEqual([["This is your own account."]]);
    expect(planBatch(facts({ text: OWN_CN })).targets[0].label).toBe("cn-north-4");
  });

  it("blocks every pair of an image that cannot be shared, and stores each reason once", () => {
    const encrypted = text("sharing.blockers.encrypted.reason");
    const plan = planBatch(
      facts({
        text: `${GLOBEX} ${INITECH}`,
        images: [ims({ shareBlocker: encrypted }), ims({ id: "x", shareBlocker: encrypted })],
      }),
    );
    expect(plan.reasons).toEqual([encrypted]);
    expect(plan.cells).toEqual([2, 2, 2, 2]);
    expect(plan.images[0].blocker).toEqual(encrypted);
  });

  it("counts the adds of the same plan toward the quota, and other regions do not use it up", () => {
    const plan = planBatch(
      facts({
        text: `${OWN_CN} ${GLOBEX} ${INITECH}`,
        images: [ims({ memberIds: Array.from({ length: 255 }, (_, n) => hex("c0", n)) })],
      }),
    );
    expect(decisions(plan)[0]).toEqual([
      expect.stringMatching(/^Must be in/),
      "send",
      "Member quota used up: 256 / 256, counting the targets added before it.",
    ]);
  });

  it("shares CPH images with projects of the region only, up to 10 members counting the batch", () => {
    const nine = Array.from({ length: 9 }, (_, n) => hex("c0", n));
    const plan = planBatch(
      facts({ text: `${GLOBEX} ${INITECH} ${OWN_CN} ${OWNER} ${nine[0]}`, images: [cph({ memberIds: nine })] }),
    );
    expect(decisions(plan)[0]).toEqual([
      "send",
      "Member quota used up: 10 / 10, counting the targets added before it.",
      "Must be in ap-southeast-1: this is your cn-north-4 project.",
      "This is the image's own project.",
      "skip",
    ]);
    const accounts = planBatch(facts({ text: GLOBEX, kind: "account", images: [cph()] }));
    expect(decisions(accounts)).toEqual([["CPH shares with projects only: paste a project id."]]);
  });

  it("plans IMS and CPH images of one batch side by side", () => {
    const plan = planBatch(
      facts({ text: `${GLOBEX} organizations::${ACCOUNT}:organization:o-abc123`, images: [ims(), cph()] }),
    );
    expect(decisions(plan)).toEqual([
      ["send", "send"],
      ["send", "CPH shares with projects only: paste a project id."],
    ]);
  });
});

describe("planBatch: unshare", () => {
  it("removes members, skips the others, and blocks images the project does not own", () => {
    const plan = planBatch(
      facts({
        operation: "unshare",
        text: `${GLOBEX} ${INITECH}`,
        images: [
          ims({ memberIds: [GLOBEX] }),
          ims({
            id: "p",
            owned: false,
            unshareBlocker: REASONS.notOwned,
          }),
        ],
      }),
    );
    expect(decisions(plan)).toEqual([
      ["send", "skip"],
      [
        "Owned by another project: only the owner can change its members.",
        "Owned by another project: only the owner can change its members.",
      ],
    ]);
    expect(plan.counts).toEqual({ send: 1, skip: 1, blocked: 2, pairs: 4 });
  });

  it("removes an image from its members even when it could not be shared any more", () => {
    const plan = planBatch(
      facts({
        operation: "unshare",
        images: [ims({ memberIds: [GLOBEX], shareBlocker: text("sharing.blockers.encrypted.reason") })],
      }),
    );
    expect(decisions(plan)).toEqual([["send"]]);
    expect(plan.images[0].blocker).toBeUndefined();
  });
});

describe("exclusions and pairs", () => {
  const plan = planBatch(
    facts({ text: `${GLOBEX} ${INITECH} ${OWNER}`, images: [ims({ memberIds: [INITECH] }), ims({ id: "b" })] }),
  );

  it("parses keys and refuses keys outside the plan", () => {
    expect(excludedCells(["1:0", "0:2"], 2, 3)).toEqual(new Set([3, 2]));
    expect(excludedCells(["2:0"], 2, 3)).toEqual({ bad: "2:0" });
    expect(excludedCells(["0:x"], 2, 3)).toEqual({ bad: "0:x" });
  });

  it("maps cells to statuses; only sends can be excluded", () => {
    const excluded = excludedCells(["1:0", "0:1"], 2, 3) as Set<number>;
    expect(pairsOf(plan, excluded)).toEqual([
      { image: 0, target: 0, status: "waiting" },
      { image: 0, target: 1, status: "skipped", reason: REASONS.alreadyMember },
      { image: 0, target: 2, status: "blocked", reason: REASONS.ownProject },
      { image: 1, target: 0, status: "excluded", reason: text("batches.pairReason.excluded") },
      { image: 1, target: 1, status: "waiting" },
      { image: 1, target: 2, status: "blocked", reason: REASONS.ownProject },
    ]);
  });
});

describe("planBatch at size", () => {
  it("plans 200 images × 100 targets into one number per cell", () => {
    const targets = Array.from({ length: 100 }, (_, n) => hex("d0", n));
    const images = Array.from({ length: 200 }, (_, n) =>
      n % 2 === 0
        ? ims({ id: `img-${n}`, memberIds: targets.slice(0, n % 10) })
        : cph({ id: `cph-${n}`, memberIds: [targets[0]] }),
    );
    const plan = planBatch(facts({ text: targets.join("\n"), images }));
    expect(plan.cells).toHaveLength(20_000);
    // IMS rows skip their first n % 10 members; CPH rows skip one member and add 9 more up to the limit of 10.
    const imsSkips = images.reduce((s, _, n) => s + (n % 2 === 0 ? n % 10 : 0), 0);
    expect(plan.counts).toEqual({
      send: 100 * 100 - imsSkips + 100 * 9,
      skip: imsSkips + 100,
      blocked: 100 * 90,
      pairs: 20_000,
    });
    expect(plan.reasons).toEqual([REASONS.overLimit(10, 10)]);
    expect(pairsOf(plan, new Set()).filter((p) => p.status === "waiting")).toHaveLength(plan.counts.send);
  });
});
