import { describe, expect, it } from "vitest";
import type { PlanRow, ShareResultView } from "@/lib/sharing/forms";
import { planRows, sameText, shareResultRows, tally, unshareResultRows } from "./rows";

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
          row(GLOBEX, "skip", { reason: "Already a member.", label: "globex-ap" }),
        ],
        [],
      ),
    );
    expect(rows).toEqual([
      expect.objectContaining({ target: URN, kind: "organization", outcome: "add" }),
      expect.objectContaining({ target: GLOBEX, name: "globex-ap", outcome: "skip", reason: "Already a member." }),
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
          row("1417ec000000000000000000000000a1", "skip", { reason: "Already a member." }),
          row("not-an-id", "blocked", { reason: "Not a project id." }),
        ],
        [
          { image: IMAGE, target: "ou-xyz", outcome: "succeeded" },
          { image: IMAGE, target: GLOBEX, outcome: "failed", code: "IMG.0088", reason: "Quota used up." },
        ],
      ),
    );
    expect(rows.map((r) => [r.target, r.outcome, r.reason, r.code])).toEqual([
      [URN, "succeeded", "Shared, pending acceptance.", undefined],
      [GLOBEX, "failed", "Quota used up.", "IMG.0088"],
      ["1417ec000000000000000000000000a1", "skipped", "Already a member.", undefined],
      ["not-an-id", "blocked", "Not a project id.", undefined],
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
          { image: IMAGE, target: "x", outcome: "skipped", reason: "No longer a member." },
        ],
      },
      new Map([[GLOBEX, "globex-ap"]]),
    );
    expect(rows.map((r) => [r.target, r.name, r.outcome, r.reason])).toEqual([
      [GLOBEX, "globex-ap", "succeeded", "Removed."],
      ["x", undefined, "skipped", "No longer a member."],
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
