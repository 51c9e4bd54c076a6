import { renderIntl } from "@/test/intl";
import { describe, expect, it } from "vitest";
import { said } from "@/lib/sharing/pairs";
import { REASONS } from "@/lib/sharing/rules";
import { OutcomeTable } from "./outcome-table";

const URN = `organizations::0123456789abcdef0123456789abcdef:ou:o-${"a".repeat(30)}/ou-${"b".repeat(30)}`;

describe("OutcomeTable", () => {
  const html = renderIntl(
    <OutcomeTable
      caption="Plan"
      images
      rows={[
        { key: "1", image: "x".repeat(200), target: URN, kind: "organization", outcome: "add" },
        {
          key: "2",
          image: "y",
          target: "610be0000000000000000000000000a1",
          outcome: "skip",
          reason: REASONS.alreadyMember,
        },
        { key: "3", image: "y", target: "t", outcome: "failed", reason: said("Not answering."), code: "CPS.0003" },
      ]}
    />,
  );

  it("has fixed column widths, so a long URN is cut short (never broken mid-id) instead of widening the dialog", () => {
    expect(html).toContain('class="w-full caption-bottom text-sm table-stack table-fixed"');
    expect(html).toMatch(
      new RegExp(`<span title="${URN}" class="[^"]*truncate[^"]*whitespace-nowrap[^"]*">organizations::`),
    );
    expect(html).toContain(`aria-label="Copy ${URN}"`);
    expect(html).toContain(`title="${"x".repeat(200)}"`);
  });

  it("labels every cell with its column, for the stacked rows of a phone", () => {
    for (const label of ["Image", "Target", "Result", "Reason"])
      expect(html).toContain(`data-label="${label}"><span class="stack-label">${label}</span>`);
  });

  it("puts the decision right before its reason, and the cloud's code after a failure's reason", () => {
    // Without the labels that only show when the table stacks on a phone.
    const text = html.replace(/<span class="stack-label">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, "");
    expect(text).toContain("skipAlready a member.");
    expect(text).toContain("failedNot answering.(CPS.0003)");
  });
});
