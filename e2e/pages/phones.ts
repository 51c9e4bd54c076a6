import type { Page } from "@playwright/test";
import { expect } from "../fixtures";

/** The phone images list (/phones): search and page through in the URL. */
export class PhonesPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/phones${query}`);
  }

  row(name: string) {
    return this.page.getByRole("row").filter({ hasText: name });
  }

  searchBox() {
    return this.page.getByRole("searchbox", { name: "Search phone images by name" });
  }

  select(name: string) {
    return this.page.getByRole("checkbox", { name: `Select ${name}` });
  }

  /** "2 selected", shown once any phone image is chosen on any page or search. */
  selectedCount() {
    return this.page.getByText(/^\d+ selected$/);
  }

  planBatch() {
    return this.page.getByRole("link", { name: "Plan a batch" });
  }

  async search(text: string) {
    await this.page.getByRole("searchbox", { name: "Search phone images by name" }).fill(text);
    await this.page.getByRole("button", { name: "Search" }).click();
  }
}

/** The detail page of a phone image and its share and unshare dialogs. */
export class PhoneImagePage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/phones/${id}`);
    await expect(this.page).toHaveURL(new RegExp(`/phones/${id}$`));
  }

  /** The link back to the list the image was opened from. */
  backToList() {
    return this.page.getByRole("main").getByRole("link", { name: "Phone images" });
  }

  meter() {
    return this.page.getByRole("meter", { name: "Members used of the image's quota" });
  }

  dialog() {
    return this.page.getByRole("dialog");
  }

  /** A member row of the page (outside the dialog). */
  member(text: string) {
    return this.page.getByRole("row").filter({ hasText: text });
  }

  removeMember(id: string) {
    return this.page.getByRole("button", { name: `Remove ${id}` });
  }

  async check(targets: string) {
    await this.page.getByRole("button", { name: "Share", exact: true }).click();
    await this.dialog().getByLabel("Project ids").fill(targets);
    await this.dialog().getByRole("button", { name: "Check" }).click();
  }

  /** "Share with 1 project", "Share with 2 projects"… */
  shareWith(projects: number) {
    return this.dialog().getByRole("button", { name: `Share with ${projects} project${projects === 1 ? "" : "s"}` });
  }

  /** A row of the dialog's plan or result. */
  row(text: string | RegExp) {
    return this.dialog().getByRole("row").filter({ hasText: text });
  }
}
