import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** app-01 … app-10 of the demo world, and the three projects of ap-southeast-1 outside acme. */
export const APPS = Array.from(
  { length: 10 },
  (_, i) => `1b7f0000-0000-4000-8000-${(101 + i).toString().padStart(12, "0")}`,
);
export const PROJECTS = [
  "610be0000000000000000000000000a1",
  "1417ec000000000000000000000000a1",
  "0b1e00000000000000000000000000a1",
];
export const INITECH = PROJECTS[1];

/** Plans app-01…10 × the three projects on /batches/new, excludes the pairs given, and launches the rest. */
export async function launchTenByThree(page: Page, exclude: [number, number][] = [], base = ""): Promise<string> {
  await page.goto(`${base}/batches/new?images=${APPS.join(",")}`);
  await page.getByLabel("Targets", { exact: true }).fill(PROJECTS.join("\n"));
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  for (const [image, target] of exclude) {
    await page
      .getByRole("button", { name: `app-${String(image + 1).padStart(2, "0")} → ${PROJECTS[target]}: Will add.` })
      .click();
  }
  await page.getByRole("button", { name: `Launch ${30 - exclude.length} pairs` }).click();
  await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop() as string;
}

/** The number beside a label of the progress panel (Succeeded, Failed, Running, Waiting). */
export const countOf = (page: Page, label: string) =>
  page
    .getByRole("region", { name: "Progress" })
    .locator("dt", { hasText: new RegExp(`^${label}$`) })
    .locator("+ dd");

/** Shares an image with one project from its page (Share, Check targets, Share 1 pair) and waits for the result. */
export async function shareOnePairUntilResult(page: Page, imageId: string, target: string, timeout?: number) {
  await page.goto(`/images/${imageId}`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByLabel("Targets").fill(target);
  await page.getByRole("button", { name: "Check targets" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Share 1 pair" }).click();
  await expect(dialog.getByText("shared, pending acceptance")).toBeVisible({ timeout });
}

/** Shares an image with one project from its page (Share, Check targets, Share 1 pair, Done), as a user does. */
export async function shareOnePair(page: Page, imageId: string, target: string, timeout?: number) {
  await shareOnePairUntilResult(page, imageId, target, timeout);
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
}
