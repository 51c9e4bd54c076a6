import type { Page } from "@playwright/test";
import { expect } from "../fixtures";

/** History (/history): the events table, its drawers, filters, exports and the chain check. */
export class HistoryPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/history${query}`);
  }

  table() {
    return this.page.getByRole("table", { name: "Events" });
  }

  /** The table's rows, its header first. */
  rows() {
    return this.table().getByRole("row");
  }

  /** Opens the details drawer of the n-th row (1 is the newest event). */
  async openDetails(n: number) {
    await this.rows()
      .nth(n)
      .getByRole("link", { name: /^Details of/ })
      .click();
  }

  /** A details drawer, by its title ("Share by alice"). */
  drawer(name: string) {
    return this.page.getByRole("dialog", { name });
  }

  userFilter() {
    return this.page.getByRole("textbox", { name: "User" });
  }

  /** Filters by user with the filter form. */
  async filterUser(user: string) {
    await this.userFilter().fill(user);
    await this.page.getByRole("button", { name: "Apply" }).click();
  }

  /** Ticks actions in the filter form and applies it. */
  async filterActions(actions: string[]) {
    await this.page.getByText("All actions", { exact: true }).click();
    for (const action of actions) await this.page.getByRole("checkbox", { name: action }).check();
    await this.page.getByRole("button", { name: "Apply" }).click();
  }

  /** The table's rows as event ids (from their Details links), top to bottom. */
  async eventIds(): Promise<string[]> {
    const links = this.table().getByRole("link", { name: /^Details of/ });
    // The table streams in after the page's head: wait for its first row before reading them all.
    await expect(links.first()).toBeVisible();
    const hrefs = await links.evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    return hrefs.map((h) => new URL(h, "http://x").searchParams.get("event") ?? "");
  }

  /** The address of an export link ("Export CSV", "Export JSON") as the page offers it. */
  async exportHref(name: "Export CSV" | "Export JSON"): Promise<string> {
    return (await this.page.getByRole("link", { name }).getAttribute("href")) ?? "";
  }

  /** Ticks "Show sign-ins and sign-outs" in the filter form and applies it. */
  async showSignIns() {
    await this.page.getByRole("checkbox", { name: "Show sign-ins and sign-outs" }).check();
    await this.page.getByRole("button", { name: "Apply" }).click();
  }

  /** The actions of the CSV export's events, top to bottom. */
  async csvActions(): Promise<string[]> {
    const res = await this.page.request.get(await this.exportHref("Export CSV"));
    expect(res.status()).toBe(200);
    const [, header, ...rows] = (await res.text()).trimEnd().split("\r\n");
    const column = header.split(",").indexOf("action");
    expect(column).toBeGreaterThan(0);
    return rows.map((r) => r.split(",")[column]);
  }

  /** The event ids of the CSV export: the filter line, the header, then one event per line. */
  async csvIds(): Promise<{ filterLine: string; ids: string[] }> {
    const res = await this.page.request.get(await this.exportHref("Export CSV"));
    expect(res.status()).toBe(200);
    const [filterLine, header, ...rows] = (await res.text()).trimEnd().split("\r\n");
    expect(header).toMatch(/^occurred_at,id,seq,/);
    return { filterLine, ids: rows.map((r) => r.split(",")[1]) };
  }
}
