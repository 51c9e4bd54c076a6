import { describe, expect, it } from "vitest";
import { DEMO } from "@/emulator/seed/demo";
import { text } from "@/lib/i18n/text";
import { NO_POLICY, type SharingPolicy } from "@/lib/policy/policy";
import { REASONS, type ImageFacts } from "@/lib/sharing/rules";
import { parseManifest } from "./parse";
import { driftOf, planManifest } from "./plan";
import type { ManifestWorld, WorldImage, WorldMember } from "./types";

const P = (n: number) => `f0f0${n.toString(16).padStart(28, "0")}`;
const NOW = Date.UTC(2026, 11, 1);
const UBUNTU = "1b7f0000-0000-4000-8000-000000000001";
const SECRET = "1b7f0000-0000-4000-8000-000000000002";
const WHOLE = "1b7f0000-0000-4000-8000-000000000003";
const PHONE = "ac0e0000000000000000000000c9a001";

const member = (id: string, over: Partial<WorldMember> = {}): WorldMember => ({
  memberId: id,
  kind: "project",
  value: id,
  status: "accepted",
  ...over,
});

function image(id: string, name: string, members: WorldMember[] = [], over: Partial<ImageFacts> = {}): WorldImage {
  const service = id.includes("-") ? "ims" : "cph";
  const facts: ImageFacts = {
    id,
    name,
    service,
    owned: true,
    memberIds: members.map((m) => m.memberId),
    limit: service === "cph" ? 10 : 256,
    kind: service === "cph" ? "phone" : "system",
    tags: [],
    encrypted: false,
    ...over,
  };
  return { facts, members };
}

function world(images: WorldImage[], policy?: Partial<SharingPolicy>): ManifestWorld {
  return {
    owner: { projectId: DEMO.acmeAp, accountId: DEMO.acme, region: "ap-southeast-1" },
    knownProjects: [
      { id: DEMO.acmeAp, name: "ap-southeast-1" },
      { id: DEMO.acmeCn, name: "cn-north-4" },
    ],
    images,
    leases: [{ imageId: UBUNTU, memberId: P(1), endsAt: Date.UTC(2027, 0, 1) }],
    ...(policy && {
      check: {
        policy: { ...NO_POLICY, ...policy },
        world: {
          accountId: DEMO.acme,
          ownProjectIds: new Set([DEMO.acmeAp, DEMO.acmeCn]),
          sharedTargets: new Set<string>(),
          sharedImages: new Set<string>(),
        },
      },
    }),
    now: NOW,
  };
}

const manifest = (...lines: string[]) => parseManifest(["version: 1", ...lines].join("\n"));
const rows = (plan: ReturnType<typeof planManifest>) =>
  plan.pairs.map((p) => [p.imageName, p.target.value, p.action, p.reason ?? p.memberStatus ?? p.verdict ?? null]);

describe("planManifest", () => {
  it("adds what is wanted and missing, keeps members with their status and end date, removes the rest of an owned image", () => {
    const w = world([
      image(UBUNTU, "ubuntu", [member(P(1)), member(P(2), { status: "pending" }), member(P(3))]),
      image(SECRET, "secret", [member(P(9))]),
    ]);
    const plan = planManifest(
      manifest(
        "images:",
        "  - name: ubuntu",
        "    targets:",
        `      - project: ${P(1)}`,
        `      - project: ${P(2)}`,
        `      - {project: ${P(4)}, endsAt: 2027-02-01T00:00:00Z}`,
      ),
      w,
    );
    expect(rows(plan)).toEqual([
      ["ubuntu", P(1), "keep", "accepted"],
      ["ubuntu", P(2), "keep", "pending"],
      ["ubuntu", P(3), "remove", "accepted"],
      ["ubuntu", P(4), "add", null],
    ]);
    expect(plan.pairs[0].endsAt).toBe("2027-01-01T00:00:00.000Z");
    expect(plan.pairs[3].endsAt).toBe("2027-02-01T00:00:00.000Z");
    expect(plan.counts).toEqual({ add: 1, remove: 1, keep: 2, blocked: 0 });
    expect(driftOf(plan).map((p) => [p.target.value, p.action])).toEqual([
      [P(3), "remove"],
      [P(4), "add"],
    ]);
  });

  it("leaves unmatched images alone when owns: listed, and empties them when owns: all", () => {
    const w = world([image(UBUNTU, "ubuntu", [member(P(1))]), image(SECRET, "secret", [member(P(9))])]);
    const entry = ["images:", "  - name: ubuntu", "    targets:", `      - project: ${P(1)}`];
    expect(rows(planManifest(manifest(...entry), w))).toEqual([["ubuntu", P(1), "keep", "accepted"]]);
    expect(rows(planManifest(manifest("owns: all", ...entry), w))).toEqual([
      ["secret", P(9), "remove", "accepted"],
      ["ubuntu", P(1), "keep", "accepted"],
    ]);
  });

  it("blocks by the sharing rules, with their reasons, counting the member limit over each image's own adds only", () => {
    const crowded = Array.from({ length: 9 }, (_, i) => member(P(100 + i)));
    const w = world([
      image(UBUNTU, "ubuntu"),
      image(PHONE, "phone", crowded),
      image(WHOLE, "whole", [], { shareBlocker: text("sharing.blockers.notFromCbr.reason") }),
    ]);
    const plan = planManifest(
      manifest(
        "images:",
        "  - name: ubuntu",
        "    targets:",
        `      - project: ${DEMO.acmeAp}`,
        `      - project: ${DEMO.acmeCn}`,
        `      - account: ${DEMO.acme}`,
        ...Array.from({ length: 12 }, (_, i) => `      - project: ${P(i + 1)}`),
        "  - name: phone",
        "    targets:",
        ...crowded.map((m) => `      - project: ${m.memberId}`),
        `      - account: ${DEMO.globex}`,
        `      - project: ${P(1)}`,
        `      - project: ${P(2)}`,
        "  - {name: whole, targets: [{project: " + P(1) + "}]}",
      ),
      w,
    );
    const reasonOf = (name: string, value: string) =>
      plan.pairs.find((p) => p.imageName === name && p.target.value === value)?.reason;
    expect(reasonOf("ubuntu", DEMO.acmeAp)).toEqual(REASONS.ownProject);
    expect(reasonOf("ubuntu", DEMO.acmeCn)).toEqual(REASONS.otherRegion("ap-southeast-1", "cn-north-4", "cn-north-4"));
    expect(reasonOf("ubuntu", DEMO.acme)).toEqual(REASONS.ownAccount);
    // Ubuntu's 12 adds do not count against the phone image's limit of 10: it has room for exactly one more.
    expect(plan.pairs.filter((p) => p.imageName === "ubuntu" && p.action === "add")).toHaveLength(12);
    expect(reasonOf("phone", DEMO.globex)).toEqual(REASONS.notAProject);
    expect(plan.pairs.find((p) => p.imageName === "phone" && p.target.value === P(1))?.action).toBe("add");
    expect(reasonOf("phone", P(2))).toEqual(REASONS.overLimit(10, 10));
    expect(reasonOf("whole", P(1))).toEqual(text("sharing.blockers.notFromCbr.reason"));
  });

  it("blocks end dates that passed or are too far, and a member the file cannot name", () => {
    const orgMember = member("ou-partners01", { kind: "organization", value: undefined });
    const plan = planManifest(
      manifest(
        "images:",
        "  - name: ubuntu",
        "    targets:",
        `      - {project: ${P(5)}, endsAt: 2026-11-30T00:00:00Z}`,
        `      - {project: ${P(6)}, endsAt: 2040-01-01T00:00:00Z}`,
      ),
      world([image(UBUNTU, "ubuntu", [orgMember])]),
    );
    expect(rows(plan)).toEqual([
      ["ubuntu", P(5), "blocked", text("manifest.reasons.endsAtPassed", { endsAt: "2026-11-30T00:00:00.000Z" })],
      ["ubuntu", P(6), "blocked", text("manifest.reasons.endsAtTooFar", { endsAt: "2040-01-01T00:00:00.000Z" })],
      ["ubuntu", "ou-partners01", "blocked", text("manifest.reasons.noUrn")],
    ]);
  });

  it("puts the policy's verdicts on adds: enforced, a denied pair is blocked with the rule; in audit mode it stays an add", () => {
    const images = [image(UBUNTU, "ubuntu"), image(SECRET, "secret-db")];
    const m = manifest(
      "images:",
      "  - name: '*'",
      "    targets:",
      `      - project: ${DEMO.acmeCn}`,
      `      - project: ${DEMO.globexAp}`,
    );
    const policy = { lockedNames: ["secret-*"], otherwise: "approve" as const };
    const enforced = planManifest(m, world(images, { ...policy, mode: "enforce" }));
    const because = text("policy.rules.lockedName", { pattern: "secret-*" });
    const otherRegion = REASONS.otherRegion("ap-southeast-1", "cn-north-4", "cn-north-4");
    expect(enforced.pairs.map((p) => [p.imageName, p.target.value, p.action, p.verdict, p.reason])).toEqual([
      ["secret-db", DEMO.globexAp, "blocked", "denied", because],
      ["secret-db", DEMO.acmeCn, "blocked", undefined, otherRegion],
      ["ubuntu", DEMO.globexAp, "add", "approval", undefined],
      ["ubuntu", DEMO.acmeCn, "blocked", undefined, otherRegion],
    ]);
    const audit = planManifest(m, world(images, { ...policy, mode: "audit" }));
    expect(audit.pairs.filter((p) => p.action === "add").map((p) => [p.imageName, p.verdict])).toEqual([
      ["secret-db", "denied"],
      ["ubuntu", "approval"],
    ]);
    expect(planManifest(m, world(images)).pairs.every((p) => p.verdict === undefined)).toBe(true);
  });

  it("judges the plan's size over the whole manifest, not entry by entry", () => {
    const images = [image(UBUNTU, "a"), image(SECRET, "b")];
    const m = manifest(
      "images:",
      `  - {name: a, targets: [{project: ${P(1)}}, {project: ${P(2)}}]}`,
      `  - {name: b, targets: [{project: ${P(3)}}, {project: ${P(4)}}]}`,
    );
    const plan = planManifest(m, world(images, { mode: "enforce", approvalBatchOver: 3 }));
    expect(plan.pairs.map((p) => p.verdict)).toEqual(["approval", "approval", "approval", "approval"]);
  });
});

describe("the plan's digest", () => {
  const w = () => world([image(UBUNTU, "ubuntu", [member(P(1)), member(P(3))]), image(SECRET, "b")]);
  const m = (order: string[]) => manifest("images:", ...order);
  const first = `  - {name: ubuntu, targets: [{project: ${P(1)}}, {project: ${P(2)}}]}`;
  const second = `  - {name: b, targets: [{project: ${P(2)}}]}`;

  it("is the same for the same cloud and file, whatever the order of entries and targets", () => {
    const a = planManifest(m([first, second]), w());
    expect(a.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(planManifest(m([first, second]), w()).digest).toBe(a.digest);
    const swapped = `  - {name: ubuntu, targets: [{project: ${P(2)}}, {project: ${P(1)}}]}`;
    expect(planManifest(m([second, swapped]), w()).digest).toBe(a.digest);
  });

  it("changes when the cloud moved, and not when only a kept member's status did", () => {
    const a = planManifest(m([first, second]), w());
    const moved = w();
    moved.images[0] = image(UBUNTU, "ubuntu", [member(P(1)), member(P(2)), member(P(3))]);
    expect(planManifest(m([first, second]), moved).digest).not.toBe(a.digest);
    const answered = w();
    answered.images[0] = image(UBUNTU, "ubuntu", [member(P(1), { status: "pending" }), member(P(3))]);
    expect(planManifest(m([first, second]), answered).digest).toBe(a.digest);
  });
});
