import { test } from "./fixtures";
import { axeEveryPage } from "./axe";

// The Chinese pages are checked beside it, on another pair (e2e/a11y-zh.spec.ts).
test("every page passes axe in English, in light and in dark", async ({ page, login }) => {
  await axeEveryPage(page, login, "en");
});
