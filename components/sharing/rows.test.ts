import { describe, expect, it } from "vitest";
import type { PlanRow, ShareResultView } from "@/lib/sharing/forms";
import { text } from "@/lib/i18n/text";
import { failureReason } from "@/lib/sharing/pairs";
import { REASONS } from "@/lib/sharing/rules";
import { planRows, REMOVED_REASON, sameText, SHARED_REASON, shareResultRows, tally, unshareResultRows } from "./rows";

const NOT_AN_ID = text("sharing.badTarget.notAnId", { kind: "project" });
const NO_LONGER = text("sharing.reasons.noLongerMember");

const IMAGE = "1b7f0000-0000-4000-8000-000000000001";
const GLOBEX = "610be0000000000000000000000000a1";
const URN = "organizations::0123456789abcdef0123456789abcdef:ou:o-abc/ou-xyz";

const row = (input: string, decision: PlanRow["decision"], extra: Partial<PlanRow> = {}): PlanRow => ({
  imageId: IMAGE,
  imageName: "ubuntu",
  input,
  decision,
  ...extra,
});

function view(rows: PlanRow[], results: ShareResultView["results"]): ShareResultView {
  return { service: "ims", targets: "", rows, counts: { add: 0, skip: 0, blocked: 0 }, results, jobIds: [] };
}

describe("planRows", () => {
  it("keeps each pair's decision, reason, kind and name", () => {
    const rows = planRows(
      view(
        [
          row(URN, "add", { target: { kind: "organization", value: URN, memberId: "ou-xyz" } }),
          row(GLOBEX, "skip", { reason: REASONS.alreadyMember, label: "globex-ap" }),
        ],
        [],
      ),
    );
    expect(rows).toEqual([
      expect.objectContaining({ target: URN, kind: "organization", outcome: "add" }),
      expect.objectContaining({ target: GLOBEX, name: "globex-ap", outcome: "skip", reason: REASONS.alreadyMember }),
    ]);
  });
});

describe("shareResultRows", () => {
  it("gives sent pairs their outcome (matched by member id), and the others skipped or blocked", () => {
    const rows = shareResultRows(
      view(
        [
          row(URN, "add", { target: { kind: "organization", value: URN, memberId: "ou-xyz" } }),
          row(GLOBEX, "add", { target: { kind: "project", value: GLOBEX, memberId: GLOBEX } }),
          row("1417ec000000000000000000000000a1", "skip", { reason: REASONS.alreadyMember }),
          row("not-an-id", "blocked", { reason: NOT_AN_ID }),
        ],
        [
          { image: IMAGE, target: "ou-xyz", outcome: "succeeded" },
          { image: IMAGE, target: GLOBEX, outcome: "failed", code: "IMG.0088", reason: failureReason("IMG.0088") },
        ],
      ),
    );
    expect(rows.map((r) => [r.target, r.outcome, r.reason, r.code])).toEqual([
      [URN, "succeeded", SHARED_REASON, undefined],
      [GLOBEX, "failed", failureReason("IMG.0088"), "IMG.0088"],
      ["1417ec000000000000000000000000a1", "skipped", REASONS.alreadyMember, undefined],
      ["not-an-id", "blocked", NOT_AN_ID, undefined],
    ]);
  });

  it("says when a pair to add has no outcome, and lists outcomes of pairs it did not plan", () => {
    const rows = shareResultRows(
      view(
        [row(GLOBEX, "add", { target: { kind: "project", value: GLOBEX, memberId: GLOBEX } })],
        [{ image: IMAGE, target: "1417ec000000000000000000000000a1", outcome: "succeeded" }],
      ),
    );
    expect(rows.map((r) => [r.target, r.outcome, r.image])).toEqual([
      [GLOBEX, "unknown", "ubuntu"],
      ["1417ec000000000000000000000000a1", "succeeded", "ubuntu"],
    ]);
  });
});

describe("unshareResultRows", () => {
  it("names the members the page knew", () => {
    const rows = unshareResultRows(
      {
        imageName: "ubuntu",
        jobIds: [],
        removedAccepted: 0,
        results: [
          { image: IMAGE, target: GLOBEX, outcome: "succeeded" },
          { image: IMAGE, target: "x", outcome: "skipped", reason: NO_LONGER },
        ],
      },
      new Map([[GLOBEX, "globex-ap"]]),
    );
    expect(rows.map((r) => [r.target, r.name, r.outcome, r.reason])).toEqual([
      [GLOBEX, "globex-ap", "succeeded", REMOVED_REASON],
      ["x", undefined, "skipped", NO_LONGER],
    ]);
    expect(tally(rows)).toMatchObject({ succeeded: 1, skipped: 1, failed: 0 });
  });
});

describe("sameText", () => {
  it("reads CRLF from a form as the LF typed, and ignores the whitespace the actions trim", () => {
    expect(sameText("a\r\nb", "a\nb")).toBe(true);
    expect(sameText("a\nb", "a\nb\n")).toBe(true);
    expect(sameText("a\nb", "a b")).toBe(false);
  });
});
