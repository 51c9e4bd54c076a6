import { test } from "./fixtures";
import { axeEveryPage } from "./axe";

// The English pages are checked beside it, on another pair (e2e/a11y.spec.ts).
test("every page passes axe in Chinese, in light and in dark", async ({ page, login }) => {
  await axeEveryPage(page, login, "zh-CN");
});
