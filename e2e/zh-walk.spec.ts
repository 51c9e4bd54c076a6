import type { Locator, Page } from "@playwright/test";
import { DEMO, DEMO_IMAGES, DEMO_PHONES } from "../emulator/seed/demo";
import { emulator, expect, HOME, test } from "./fixtures";
import { latinWords } from "./latin-words";
import { APPS, launchTenByThree, PROJECTS } from "./pages/batches";

/**
 * Every page of the console in Chinese shows no English: each visible word in Latin letters is either
 * marked as data or code in the markup (`translate="no"`: ids, image, user and project names, regions),
 * or one of the product words Huawei Cloud's Chinese console writes in Latin letters (`latin-words.ts`).
 * The test lists every word it finds, with the page and the text it sits in.
 */
const found = new Map<string, number>();
async function walk(page: Page, route: string, ready: Locator) {
  await ready.first().waitFor();
  for (const { word, text } of await latinWords(page)) {
    const line = `${route}: ${word}  «${text}»`;
    found.set(line, (found.get(line) ?? 0) + 1);
  }
}

const setLocale = (page: Page, locale: "en" | "zh-CN") =>
  page.context().addCookies([{ name: "locale", value: locale, url: test.info().project.use.baseURL }]);

test("every page of the console in Chinese shows only Chinese, data and product words", async ({ page, login }) => {
  test.setTimeout(180_000);
  await emulator.reset();
  await setLocale(page, "zh-CN");
  await login.goto();
  await walk(page, "/login", page.getByRole("heading", { name: "使用 IAM 用户登录" }));
  // The batch is launched through the English page objects; every page is then read in Chinese.
  await setLocale(page, "en");
  await login.goto();
  await login.signIn("alice");
  await expect(page).toHaveURL(HOME);
  // One pair made to fail, so that the batch and History show a failure's code and sentence.
  await emulator.post("/faults/jobs", {
    kind: "fail-pairs",
    pairs: [{ image_id: APPS[3], target: PROJECTS[1] }],
    code: "IMG.0112",
    times: 1,
  });
  const batch = await launchTenByThree(page);
  await expect(page.getByText("29 succeeded, 1 failed").first()).toBeVisible();
  await setLocale(page, "zh-CN");

  const heading = (name: string) => page.getByRole("heading", { level: 1, name });
  const routes: [string, () => Locator][] = [
    ["/images", () => page.getByRole("link", { name: "app-40" })],
    ["/images?shareable=no", () => page.getByRole("link", { name: "centos-7-encrypted" })],
    [`/images/${DEMO_IMAGES.debian}`, () => page.getByRole("heading", { name: "debian-12-base" })],
    [`/images/${DEMO_IMAGES.fullEcsFromCbr}`, () => page.getByRole("heading", { name: "full-ecs-from-cbr" })],
    ["/phones", () => page.getByRole("link", { name: "cph-android11-game" })],
    [`/phones/${DEMO_PHONES.android11Game}`, () => page.getByRole("heading", { name: "cph-android11-game" })],
    ["/", () => page.getByTestId("tile-activity").getByRole("heading", { name: "共享活动" })],
    ["/incoming", () => page.getByText("globex-analytics-gpu")],
    ["/incoming?tab=accepted", () => heading("共享给我的镜像")],
    ["/incoming?tab=rejected", () => heading("共享给我的镜像")],
    ["/batches", () => heading("批量任务")],
    [`/batches/${batch}`, () => page.getByText("29 个成功")],
    ["/batches/new", () => page.getByRole("button", { name: "规划", exact: true })],
    ["/history", () => heading("操作记录")],
    ["/names", () => heading("通讯录")],
    ["/settings", () => page.getByTestId("policy-organization").getByText("o-acme0001")],
    ["/approvals", () => heading("审批")],
    ["/settings/notifications", () => page.getByRole("button", { name: "保存设置" })],
    ["/manifests", () => heading("共享即代码")],
    ["/settings/tokens", () => page.getByRole("button", { name: "创建令牌" })],
    ["/images/00000000-0000-4000-8000-00000000dead", () => page.getByRole("heading", { level: 1 })],
    ["/phones/0000000000000000000000000000dead", () => page.getByRole("heading", { level: 1 })],
    ["/batches/00000000-0000-4000-8000-00000000dead", () => page.getByRole("heading", { level: 1 })],
    ["/no-such-page", () => page.getByRole("heading", { level: 1 })],
  ];
  for (const [route, ready] of routes) {
    await page.goto(route);
    await walk(page, route, ready());
  }

  // The shell's menus.
  await page.goto("/images");
  await page.getByRole("button", { name: /^用户菜单/ }).click();
  await walk(page, "/images (user menu)", page.getByRole("menu"));
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /^项目：/ }).click();
  await walk(page, "/images (project menu)", page.getByRole("menu"));
  await page.keyboard.press("Escape");

  // The address book with a name in it (a user's words, Latin letters included), its import form open.
  await page.goto("/names");
  await page.getByLabel("项目或账号 ID").fill(DEMO.globexAp);
  await page.getByLabel("名称", { exact: true }).fill("Globex production");
  await page.getByLabel("备注（可选）").fill("partner since 2024");
  await page.getByRole("button", { name: "添加名称" }).click();
  await page.getByText("从 CSV 导入").click();
  await walk(page, "/names (a name, import open)", page.getByRole("cell", { name: "Globex production" }));
  await page.getByRole("button", { name: `删除 ${DEMO.globexAp} 的名称` }).click();
  await expect(page.getByRole("cell", { name: "Globex production" })).toHaveCount(0);

  // A planned batch: the matrix, its totals and reasons.
  await page.goto(`/batches/new?images=${DEMO_IMAGES.ubuntu},${DEMO_IMAGES.centosEncrypted}`);
  await page.getByLabel("对象", { exact: true }).fill(DEMO.globexAp);
  await page.getByRole("button", { name: "规划", exact: true }).click();
  await walk(page, "/batches/new (planned)", page.getByRole("button", { name: /^启动/ }));

  // An event's details drawer.
  await page.goto("/history");
  const details = page.locator('a[href*="event="]').first();
  await details.click();
  await walk(page, "/history?event=…", page.getByRole("dialog"));

  // The share dialog of an image, with a checked plan.
  await page.goto(`/images/${DEMO_IMAGES.debian}`);
  await page.getByRole("button", { name: "共享", exact: true }).click();
  await walk(page, `/images/{id} (share dialog)`, page.getByRole("dialog"));

  // A page whose reads keep failing.
  await emulator.fault({ method: "GET", path: "/v2/cloudimages", status: 503 });
  await page.goto("/images?q=ubuntu");
  await walk(page, "/images (error)", page.getByRole("button", { name: "重试" }));
  await emulator.clearFaults();

  // Each word once per page and text, with how many times it shows there.
  const lines = [...found].map(([line, n]) => (n > 1 ? `${line} ×${n}` : line));
  expect(lines.length, `English in the Chinese console:\n${lines.join("\n")}`).toBe(0);
});
