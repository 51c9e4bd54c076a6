import { DEMO_IMAGES } from "../emulator/seed/demo";
import { expect, test } from "./fixtures";

/** What the page should say for a moment, as `lib/i18n/format.ts` writes it with `DAY` and `TIME`. */
const written = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(new Date(iso));

const utc = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;

test.describe("a browser in Shanghai that prefers Chinese", () => {
  test.use({ user: "alice", locale: "zh-CN", timezoneId: "Asia/Shanghai" });

  test("reads an image's creation time in its own zone and language, the UTC time on hover", async ({ page }) => {
    await page.goto(`/images/${DEMO_IMAGES.ubuntu}`);
    const created = page.locator("dd time").first();
    // The first page told the server the browser's zone (a cookie) and was formatted again in it.
    await expect(created).toContainText("GMT+8");
    const iso = (await created.getAttribute("datetime"))!;
    await expect(created).toHaveText(written(iso, "zh-CN", "Asia/Shanghai"));
    await expect(created).toHaveAttribute("title", utc(iso));
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "tz")?.value).toBe(encodeURIComponent("Asia/Shanghai"));
  });
});

test.describe("a browser in UTC that prefers English", () => {
  test.use({ user: "alice", locale: "en-US", timezoneId: "UTC" });

  test("reads the same time in UTC, without a refresh to tell the zone", async ({ page }) => {
    await page.goto(`/images/${DEMO_IMAGES.ubuntu}`);
    const created = page.locator("dd time").first();
    const iso = (await created.getAttribute("datetime"))!;
    await expect(created).toHaveText(written(iso, "en", "UTC"));
    expect((await page.context().cookies()).find((c) => c.name === "tz")).toBeUndefined();
  });
});
