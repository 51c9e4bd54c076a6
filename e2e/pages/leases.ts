import type { Locator, Page } from "@playwright/test";

/**
 * "Access ends" where a share takes an end date (the share dialog, the end-date dialog, the planner):
 * an end `ms` from now, typed as the browser's local date and time to the second.
 */
export async function endIn(page: Page, scope: Locator | Page, ms: number): Promise<number> {
  const { at, local } = await page.evaluate((ahead) => {
    const at = Date.now() + ahead;
    const local = new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    // Chromium writes a whole minute without its seconds ("…T21:56"), and Playwright's fill refuses a
    // value the input does not keep as typed: one end in sixty failed with "Malformed value".
    return { at, local: local.endsWith(":00") ? local.slice(0, 16) : local };
  }, ms);
  await scope.getByLabel("Access ends").selectOption("date");
  await scope.getByLabel("End date and time").fill(local);
  return Math.floor(at / 1000) * 1000;
}
