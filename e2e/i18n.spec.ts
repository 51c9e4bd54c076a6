import { expect, test } from "./fixtures";

test.describe("a browser that prefers Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("gets the sign-in page in Chinese, and a choice of English it keeps", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "使用 IAM 用户登录" })).toBeVisible();
    await expect(page.getByLabel("IAM 用户名")).toBeVisible();
    await expect(page.getByRole("button", { name: "登录" })).toBeVisible();

    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    await expect(page.getByRole("heading", { name: "Sign in with your IAM user" })).toBeVisible();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByLabel("IAM user name")).toBeVisible();
  });
});

test.describe("a signed-in user", () => {
  test.use({ user: "alice" });

  test("switches the console to Chinese from the user menu and back; the URL stays", async ({ page }) => {
    await page.goto("/images");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Images", exact: true })).toBeVisible();

    await page.getByRole("button", { name: /User menu/ }).click();
    await page.getByRole("menuitemradio", { name: "简体中文" }).click();
    const zhNav = page.getByRole("navigation", { name: "主导航" });
    await expect(zhNav.getByRole("link", { name: "私有镜像", exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/images$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

    await page.getByRole("button", { name: /用户菜单/ }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(nav.getByRole("link", { name: "Images", exact: true })).toBeVisible();
  });
});

test.describe("the console in Chinese", () => {
  test.use({ user: "alice", locale: "zh-CN" });

  test("a browser preferring Chinese gets each area's page in Chinese", async ({ page }) => {
    const pages: [string, string][] = [
      ["/images", "私有镜像"],
      ["/incoming", "共享给我的镜像"],
      ["/batches", "批量任务"],
      ["/history", "操作记录"],
      ["/names", "通讯录"],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    }
  });
});

test.describe("the sentences of the sharing rules in Chinese", () => {
  test.use({ user: "alice", locale: "zh-CN" });

  test("an image that cannot be shared says why in Chinese, on the list and on its page", async ({ page }) => {
    await page.goto("/images?q=centos");
    const row = page.getByRole("row", { name: /centos-7-encrypted/ });
    await expect(row.getByTitle(/^已使用 KMS 密钥加密/)).toHaveText(/^加密镜像/);
    await expect(row).toContainText("镜像服务（IMS）不共享加密镜像");
    await row.getByRole("link", { name: "centos-7-encrypted" }).click();
    await expect(page.getByText(/已使用 KMS 密钥加密.*\(IMG\.0098\)/)).toBeVisible();
  });
});
