import { expect, type Page } from "@playwright/test";

/** Creates a token on Settings → API tokens and returns its secret, shown once. */
export async function createToken(page: Page, name: string, access: "Read-only" | "Read and write"): Promise<string> {
  await page.goto("/settings/tokens");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(access).check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toContainText(`Token ${name} created.`);
  return (await page.getByTestId("token-secret").textContent())!.trim();
}
