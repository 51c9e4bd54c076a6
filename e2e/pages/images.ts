import type { Page } from "@playwright/test";
import { expect } from "../fixtures";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The images list (/images): search, sort and page through in the URL, select rows, share several. */
export class ImagesPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/images${query}`);
  }

  /** The row of an image, by a part of its accessible name (its image's name). */
  row(name: string | RegExp) {
    return this.page.getByRole("row", { name: typeof name === "string" ? new RegExp(escape(name)) : name });
  }

  /** The project's private images against its IMS image quota. */
  imageQuota() {
    return this.page.getByRole("meter", { name: "Private images used of the project's image quota" });
  }

  /** The link to an image's page, by its exact name. */
  link(name: string) {
    return this.page.getByRole("link", { name: new RegExp(`^${escape(name)}$`) });
  }

  select(name: string) {
    return this.page.getByRole("checkbox", { name: `Select ${name}` });
  }

  searchBox() {
    return this.page.getByRole("searchbox", { name: "Search" });
  }

  shareableFilter() {
    return this.page.getByRole("combobox", { name: "Shareable" });
  }

  /** Fills the filter form's search and shareable fields and applies them. */
  async filter(search: string, shareable: "" | "yes" | "no" = "") {
    await this.searchBox().fill(search);
    await this.shareableFilter().selectOption(shareable);
    await this.page.getByRole("button", { name: "Apply" }).click();
  }

  /** A column's sort link in the table's header ("Name", "Created"). */
  sortLink(column: string) {
    return this.page.getByRole("columnheader", { name: column }).getByRole("link");
  }

  /** The first image row of the table (the header row is row 0). */
  firstRow() {
    return this.page.getByRole("table", { name: "Images owned by this project" }).getByRole("row").nth(1);
  }

  pager() {
    return this.page.getByRole("navigation", { name: "Pages" });
  }

  pagerLink(name: "Next page" | "Previous page" | "First page") {
    return this.pager().getByRole("link", { name });
  }

  /** "3 selected", shown once any image is chosen on any page. */
  selectedCount() {
    return this.page.getByText(/^\d+ selected$/);
  }

  clearSelection() {
    return this.page.getByRole("button", { name: "Clear selection" });
  }

  /** Opens the share dialog of the selected images. */
  async shareSelected(count: number) {
    await this.page.getByRole("button", { name: `Share ${count} selected` }).click();
    return this.page.getByRole("dialog", { name: `Share ${count} images` });
  }
}

/** An image's page (/images/{id}): its members, the share dialog, unshare. */
export class ImagePage {
  constructor(readonly page: Page) {}

  /** The image's page; `base` is another console's address. */
  async goto(id: string, base = "") {
    await this.page.goto(`${base}/images/${id}`);
  }

  /** "← Images": back to the list the image was opened from. */
  backToList() {
    return this.page.getByRole("link", { name: "← Images" });
  }

  heading(name: string) {
    return this.page.getByRole("heading", { name });
  }

  shareButton() {
    return this.page.getByRole("button", { name: "Share", exact: true });
  }

  dialog() {
    return this.page.getByRole("dialog");
  }

  meter() {
    return this.page.getByRole("meter", { name: /Members used/ });
  }

  /** The member row of a project or account id (in the members table, not the image's history below it). */
  member(id: string) {
    return this.page.getByRole("table", { name: /^Members of / }).getByRole("row", { name: new RegExp(id) });
  }

  removeMember(id: string) {
    return this.page.getByRole("button", { name: `Remove ${id}` });
  }

  notShared() {
    return this.page.getByText("Not shared with anyone yet.");
  }

  /** Share, the targets typed, Check targets: the dialog then shows the plan. */
  async checkTargets(targets: string) {
    await this.shareButton().click();
    await this.page.getByLabel("Targets").fill(targets);
    await this.page.getByRole("button", { name: "Check targets" }).click();
  }

  /** Sends the checked plan: "Share 1 pair", "Share 2 pairs"… */
  async confirmShare(pairs: number) {
    await this.dialog()
      .getByRole("button", { name: `Share ${pairs} pair${pairs === 1 ? "" : "s"}` })
      .click();
  }

  /** Shares the image with one project from its page and waits for the result in the dialog. */
  async shareOnePairUntilResult(id: string, target: string, timeout?: number) {
    await this.goto(id);
    await this.checkTargets(target);
    await this.confirmShare(1);
    await expect(this.dialog().getByText("shared, pending acceptance")).toBeVisible({ timeout });
  }

  /** The same, then Done, as a user does. */
  async shareOnePair(id: string, target: string, timeout?: number) {
    await this.shareOnePairUntilResult(id, target, timeout);
    await this.dialog().getByRole("button", { name: "Done" }).click();
  }
}
