import type { Page } from "@playwright/test";
import { expect } from "../fixtures";

/** The address book (/names): names for project and account ids, added, renamed, removed, imported. */
export class NamesPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/names${query}`);
    await expect(this.page.getByRole("heading", { name: "Address book", level: 1 })).toBeVisible();
  }

  table() {
    return this.page.getByRole("table", { name: "Address book" });
  }

  /** The row of a named id (not the rename form that opens below it). */
  row(id: string) {
    return this.table()
      .getByRole("row", { name: new RegExp(id) })
      .filter({ hasNot: this.page.getByRole("form") });
  }

  /** Names an id through the "Name an id" form and waits for the row. */
  async add(id: string, name: string, note = "") {
    const form = this.page.getByRole("form", { name: "Name an id" });
    await form.getByLabel("Project or account id").fill(id);
    await form.getByLabel("Name", { exact: true }).fill(name);
    if (note) await form.getByLabel("Note (optional)").fill(note);
    await form.getByRole("button", { name: "Add name" }).click();
    await expect(this.row(id)).toContainText(name);
  }

  async rename(id: string, name: string) {
    await this.row(id)
      .getByRole("button", { name: `Rename ${id}` })
      .click();
    const form = this.page.getByRole("form", { name: `Rename ${id}` });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByRole("button", { name: "Save name" }).click();
    await expect(this.row(id)).toContainText(name);
  }

  async remove(id: string) {
    await this.page.getByRole("button", { name: `Remove the name of ${id}` }).click();
    await expect(this.row(id)).toHaveCount(0);
  }

  /** Removes every name of the account (tests leave the book as they found it: empty). */
  async clear() {
    await this.goto();
    const buttons = this.page.getByRole("button", { name: /^Remove the name of / });
    while ((await buttons.count()) > 0) {
      const before = await buttons.count();
      await buttons.first().click();
      await expect(buttons).toHaveCount(before - 1);
    }
  }

  /** Pastes CSV text into the import form and submits it. */
  async importCsv(csv: string) {
    await this.page.getByText("Import from CSV").click();
    const form = this.page.getByRole("form", { name: "Import names" });
    await form.getByLabel(/^Rows/).fill(csv);
    await form.getByRole("button", { name: "Import" }).click();
    return this.page.getByTestId("names-import-result");
  }
}
