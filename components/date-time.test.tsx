import { describe, expect, it } from "vitest";
import { renderIntl } from "@/test/intl";
import { DateTime, When } from "./date-time";

const MOMENT = "2026-11-22T14:05:00Z";

describe("DateTime", () => {
  it("shows the moment in the reader's zone and language, the UTC time on hover", () => {
    const html = renderIntl(<DateTime value={MOMENT} />, "zh-CN", "Asia/Shanghai");
    expect(html).toContain('title="2026-11-22 14:05 UTC"');
    expect(html).toContain("2026年11月22日");
    expect(html).toContain("GMT+8 22:05");
  });

  it("shows UTC until the browser has told its zone", () => {
    const html = renderIntl(<DateTime value={MOMENT} />);
    expect(html).toContain("Nov 22, 2026");
    expect(html).toContain("14:05 UTC");
  });

  it("shows a dash for no date", () => {
    expect(renderIntl(<DateTime value={undefined} />)).toContain("—");
    expect(renderIntl(<When value="garbage" />)).toBe("—");
  });
});

describe("When", () => {
  it("puts day and time on one line, or the day alone", () => {
    expect(renderIntl(<When value={MOMENT} />, "en", "Asia/Tokyo")).toContain(">Nov 22, 2026, 23:05 GMT+9<");
    expect(renderIntl(<When value={MOMENT} day />, "en", "America/Los_Angeles")).toContain(">Nov 22, 2026<");
  });
});
