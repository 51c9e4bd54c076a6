import type { Page } from "@playwright/test";

/** The Incoming page (/incoming): IMS images shared with this project, by state, and the phone section. */
export class IncomingPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/incoming");
  }

  /** A state tab (pending, accepted, rejected) with its count. */
  tab(name: string) {
    return this.page
      .getByRole("navigation", { name: "Share states" })
      .getByRole("link", { name: new RegExp(`^${name}`) });
  }

  searchBox() {
    return this.page.getByRole("searchbox", { name: "Search" });
  }

  /** Searches the inbox with the filter form. */
  async search(text: string) {
    await this.searchBox().fill(text);
    await this.page.getByRole("button", { name: "Apply" }).click();
  }

  row(name: string) {
    return this.page.getByRole("row", { name: new RegExp(name) });
  }

  accept(name: string) {
    return this.page.getByRole("button", { name: `Accept ${name}` });
  }

  reject(name: string) {
    return this.page.getByRole("button", { name: `Reject ${name}` });
  }

  select(name: string) {
    return this.page.getByRole("checkbox", { name: `Select ${name}` });
  }

  /** The section of phone images shared with this project. */
  phones() {
    return this.page.getByRole("region", { name: "Phone images shared with this project" });
  }

  phoneRow(name: string) {
    return this.phones().getByRole("row").filter({ hasText: name });
  }
}
