import type { Page } from "@playwright/test";
import { appImageId, DEMO } from "../../emulator/seed/demo";
import { expect } from "../fixtures";

/** app-01 … app-10 of the demo world, and the three projects of ap-southeast-1 outside acme. */
export const APPS = Array.from({ length: 10 }, (_, i) => appImageId(i + 1));
export const PROJECTS = [DEMO.globexAp, DEMO.initechAp, DEMO.umbrellaAp];

/** The batch planner (/batches/new): images, targets, the plan's totals and cells, launch. */
export class BatchPlanner {
  constructor(readonly page: Page) {}

  /** The planner with these images ticked; `base` is another console's address. */
  async goto(images: string[] = [], base = "") {
    await this.page.goto(`${base}/batches/new${images.length ? `?images=${images.join(",")}` : ""}`);
  }

  targets() {
    return this.page.getByLabel("Targets", { exact: true });
  }

  async plan() {
    await this.page.getByRole("button", { name: "Plan", exact: true }).click();
  }

  /** The number beside a label of the plan's totals. */
  total(label: string) {
    return this.page.locator("dt", { hasText: label }).locator("+ dd");
  }

  /** A cell of the plan, by image name, target and its state ("Will add.", "Excluded by you."). */
  cell(image: string, target: string, state: string) {
    return this.page.getByRole("button", { name: `${image} → ${target}: ${state}` });
  }

  /** Launches the planned pairs and returns the new batch's id, from the batch page it opens. */
  async launch(pairs: number): Promise<string> {
    await this.page.getByRole("button", { name: `Launch ${pairs} pair${pairs === 1 ? "" : "s"}` }).click();
    await expect(this.page).toHaveURL(/\/batches\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    return this.page.url().split("/").pop() as string;
  }
}

/** Plans app-01…10 × the three projects on /batches/new, excludes the pairs given, and launches the rest. */
export async function launchTenByThree(page: Page, exclude: [number, number][] = [], base = ""): Promise<string> {
  const planner = new BatchPlanner(page);
  await planner.goto(APPS, base);
  await planner.targets().fill(PROJECTS.join("\n"));
  await planner.plan();
  for (const [image, target] of exclude) {
    await planner.cell(`app-${String(image + 1).padStart(2, "0")}`, PROJECTS[target], "Will add.").click();
  }
  return planner.launch(30 - exclude.length);
}

/** A batch's page (/batches/{id}): progress, the pairs and their filters, retry and cancel. */
export class BatchPage {
  constructor(readonly page: Page) {}

  async goto(id: string, base = "") {
    await this.page.goto(`${base}/batches/${id}`);
  }

  /** The number beside a label of the progress panel (Succeeded, Failed, Running, Waiting, cancelled). */
  count(label: string) {
    return this.page
      .getByRole("region", { name: "Progress" })
      .locator("dt", { hasText: new RegExp(`^${label}$`) })
      .locator("+ dd");
  }

  progressBar() {
    return this.page.getByRole("progressbar", { name: "Share progress" });
  }

  /** "45% · 9 of 20 launched pairs done", with the running jobs' progress after it. */
  progressLine() {
    return this.page.getByRole("region", { name: "Progress" }).getByText(/launched pairs? done/);
  }

  /** The warning of a running batch that stopped moving, with its Keep waiting and Read members now. */
  stalled() {
    return this.page.getByRole("region", { name: "Batch stalled" });
  }

  /** The toasts in the corner of the page. */
  toasts() {
    return this.page.getByRole("region", { name: "Notifications" });
  }

  async filter(status: string) {
    await this.page
      .getByRole("group", { name: "Filter by status" })
      .getByRole("button", { name: new RegExp(`^${status}`) })
      .click();
  }

  /** The rows of the pairs table, its header first. */
  pairs() {
    return this.page.getByRole("table", { name: "Pairs" }).getByRole("row");
  }

  history() {
    return this.page.getByRole("table", { name: "History of this batch" }).getByRole("row");
  }
}

/** The project's batches (/batches). */
export class BatchesPage {
  constructor(readonly page: Page) {}

  async goto(base = "") {
    await this.page.goto(`${base}/batches`);
  }

  /** The row that links to a batch. */
  row(id: string) {
    return this.page.getByRole("row").filter({ has: this.page.locator(`a[href="/batches/${id}"]`) });
  }
}
