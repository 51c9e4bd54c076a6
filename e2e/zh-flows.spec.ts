import { DEMO } from "../emulator/seed/demo";
import { auditActions, emulator, expect, HOME, test, USERS } from "./fixtures";
import { BatchesPage, BatchPage, BatchPlanner, APPS, PROJECTS } from "./pages/batches";
import { HistoryPage } from "./pages/history";
import { ImagePage, ImagesPage } from "./pages/images";
import { IncomingPage } from "./pages/incoming";

/**
 * The main flows once in Chinese, as a browser preferring Chinese gets them: every page they pass
 * through speaks Chinese (its headings, buttons and results), and the flows work the same. The page
 * objects' English locators are used only where they read data (ids, names); the words are Chinese.
 */
test.use({ locale: "zh-CN" });
test.beforeEach(async () => {
  await emulator.reset();
});

test("in Chinese: sign in, list the images, share one, accept one shared with us", async ({ page, login }) => {
  await login.goto();
  await expect(page.getByRole("heading", { name: "使用 IAM 用户登录" })).toBeVisible();
  const alice = USERS.alice;
  await page.getByLabel("账号名").fill(alice.account);
  await page.getByLabel("IAM 用户名").fill(alice.user);
  await page.getByLabel("密码", { exact: true }).fill(alice.password);
  await page.getByLabel("项目（区域）").fill("ap-southeast-1");
  await page.getByRole("button", { name: "登录", exact: true }).click();

  await expect(page).toHaveURL(HOME);
  await expect(page.getByRole("heading", { level: 1, name: "概览" })).toBeVisible();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "私有镜像", exact: true }).click();
  const images = new ImagesPage(page);
  await expect(page.getByRole("heading", { level: 1, name: "私有镜像" })).toBeVisible();
  await expect(page.getByRole("table", { name: "本项目拥有的镜像" })).toBeVisible();
  await expect(images.link("app-40")).toBeVisible();
  await page.getByRole("searchbox", { name: "搜索" }).fill("ubuntu");
  await page.getByRole("button", { name: "应用" }).click();
  await expect(page).toHaveURL(/[?&]q=ubuntu/);
  await expect(images.row("ubuntu-22.04-web")).toContainText("可共享");
  await expect(images.row("ubuntu-22.04-web")).toContainText("正常");

  const image = new ImagePage(page);
  await images.link("ubuntu-22.04-web").click();
  await expect(image.heading("ubuntu-22.04-web")).toBeVisible();
  await expect(page.getByText("尚未共享给任何对象。")).toBeVisible();
  await page.getByRole("button", { name: "共享", exact: true }).click();
  const dialog = image.dialog();
  await dialog.getByLabel("共享对象").fill(DEMO.globexAp);
  await dialog.getByRole("button", { name: "检查共享对象" }).click();
  await expect(dialog.getByText("1 个待添加")).toBeVisible();
  await dialog.getByRole("button", { name: "共享 1 个组合" }).click();
  await expect(dialog.getByText("已共享，待接受。")).toBeVisible();
  await dialog.getByRole("button", { name: "完成" }).click();
  await expect(
    page.getByRole("table", { name: /的共享成员$/ }).getByRole("row", { name: new RegExp(DEMO.globexAp) }),
  ).toContainText("待接受");

  const inbox = new IncomingPage(page);
  await inbox.goto();
  await expect(page.getByRole("heading", { level: 1, name: "共享给我的镜像" })).toBeVisible();
  await expect(page.getByText("待接受的镜像在接受之前不会出现在可用镜像列表中。")).toBeVisible();
  const pending = page.getByRole("navigation", { name: "共享状态" }).getByRole("link", { name: /^待接受/ });
  await expect(pending).toContainText("3");
  await page.getByRole("button", { name: "接受 globex-analytics-gpu" }).click();
  await expect(page.getByText("已接受 globex-analytics-gpu")).toBeVisible();
  await expect(pending).toContainText("2");
  expect(await auditActions("alice")).toEqual(expect.arrayContaining(["signed_in", "share", "accept"]));
});

test.describe("signed in", () => {
  test.use({ user: "alice" });

  test("in Chinese: a batch launched and followed live, then found in History and exported", async ({ page }) => {
    // Slow jobs, so that the page is seen part-way.
    await emulator.put("/config", { jobTiming: { initMs: 300, itemMs: 150, maxRunMs: 0 } });
    const planner = new BatchPlanner(page);
    await planner.goto(APPS);
    await expect(page.getByRole("heading", { level: 1, name: "新建批量任务" })).toBeVisible();
    await expect(page.getByText("已选择 10 个。")).toBeVisible();
    await page.getByLabel("对象", { exact: true }).fill(PROJECTS.join("\n"));
    await page.getByRole("button", { name: "规划", exact: true }).click();
    await expect(page.getByText("10 个镜像 × 3 个对象 = 30 个组合。")).toBeVisible();
    await page.getByRole("button", { name: "启动 30 个组合" }).click();
    await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop() as string;

    const progress = page.getByRole("region", { name: "进度" });
    const bar = page.getByRole("progressbar", { name: "共享进度" });
    await expect(async () => {
      const value = Number(await bar.getAttribute("aria-valuenow"));
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(100);
    }).toPass({ intervals: [50] });
    await expect(progress.getByText(/已启动的 30 个组合中已完成/)).toBeVisible();
    await expect(progress.getByText("100% · 已启动的 30 个组合中已完成 30 个")).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText("已完成：30 个成功，0 个失败").first()).toBeVisible();
    await new BatchPage(page).goto(id);
    await expect(page.getByRole("table", { name: "组合" }).getByRole("row")).not.toHaveCount(0);

    const batches = new BatchesPage(page);
    await batches.goto();
    await expect(batches.row(id)).toContainText("已完成");
    await expect(batches.row(id)).toContainText("30 个成功");

    const history = new HistoryPage(page);
    await history.goto();
    await expect(page.getByRole("heading", { level: 1, name: "操作记录" })).toBeVisible();
    await page.getByRole("textbox", { name: "用户" }).fill("alice");
    await page.getByRole("button", { name: "应用" }).click();
    await expect(page).toHaveURL(/[?&]user=alice/);
    await expect(page.getByRole("table", { name: "事件" }).getByRole("row").nth(1)).toContainText("alice");
    const csv = page.getByRole("link", { name: "导出 CSV" });
    const res = await page.request.get((await csv.getAttribute("href")) ?? "");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^text\/csv/);
    const [filterLine, , ...rows] = (await res.text()).trimEnd().split("\r\n");
    expect(filterLine).toContain("user=alice");
    expect(rows.map((r) => r.split(",")[6])).toEqual(expect.arrayContaining(["batch_launched", "batch_finished"]));
  });
});
