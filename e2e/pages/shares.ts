import { expect, type Page } from "@playwright/test";
import { BatchPage, BatchPlanner } from "./batches";
import { ImagePage } from "./images";
import { endIn } from "./leases";

/** Shares an image with one target from its page, with an end date `ms` ahead or a day ("1"). */
export async function shareUntil(page: Page, base: string, imageId: string, target: string, end: number | "1") {
  const image = new ImagePage(page);
  await image.goto(imageId, base);
  await image.shareButton().click();
  const dialog = image.dialog();
  await dialog.getByLabel("Targets").fill(target);
  if (end === "1") await dialog.getByLabel("Access ends").selectOption("1");
  else await endIn(page, dialog, end);
  await dialog.getByRole("button", { name: "Check targets" }).click();
  await image.confirmShare(1);
  await expect(dialog.getByText(/The members added lose access on/)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
}

/** A batch of one pair, planned and launched, followed until it ends as `ends`; returns its page's URL. */
export async function batchOfOne(
  page: Page,
  base: string,
  imageId: string,
  target: string,
  ends: "Succeeded" | "Failed",
) {
  const planner = new BatchPlanner(page);
  await planner.goto([imageId], base);
  await planner.targets().fill(target);
  await planner.plan();
  await planner.launch(1);
  const batch = new BatchPage(page);
  await expect(batch.count(ends)).toHaveText("1", { timeout: 30_000 });
  return page.url();
}

/** The same, with the pair made to fail in the emulator's next job (`IMG.0112`). */
export async function failedBatchOfOne(page: Page, base: string, emulatorUrl: string, imageId: string, target: string) {
  const res = await fetch(`${emulatorUrl}/__emulator/faults/jobs`, {
    method: "POST",
    body: JSON.stringify({ kind: "fail-pairs", pairs: [{ image_id: imageId, target }], code: "IMG.0112", times: 1 }),
  });
  if (!res.ok) throw new Error(`job fault: ${res.status}`);
  return batchOfOne(page, base, imageId, target, "Failed");
}
