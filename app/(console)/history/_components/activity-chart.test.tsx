import { describe, expect, it } from "vitest";
import type { ActivityDay } from "@/lib/audit/read";
import { renderIntl } from "@/test/intl";
import { ActivityChart } from "./activity-chart";

const days: ActivityDay[] = [
  { day: Date.parse("2026-11-21T00:00:00Z"), counts: { share: 2 } },
  { day: Date.parse("2026-11-22T00:00:00Z"), counts: { unshare: 1 } },
];

describe("ActivityChart", () => {
  it("names its UTC days in the reader's language, whatever the reader's zone", () => {
    expect(renderIntl(<ActivityChart days={days} />, "en", "America/Los_Angeles")).toContain(
      'aria-label="Events per day, Nov 21 to Nov 22"',
    );
    expect(renderIntl(<ActivityChart days={days} />, "zh-CN", "Asia/Shanghai")).toContain("11月21日");
  });
});
