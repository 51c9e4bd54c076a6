import { createBatch } from "@/lib/batches/store";
import { REASONS } from "@/lib/sharing/rules";
import { migrate, openDatabase } from "@/lib/db/connect";
import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { expect, target, test } from "./fixtures";
import { BatchesPage, BatchPage } from "./pages/batches";

const alice = {
  userId: DEMO.alice,
  userName: "alice",
  accountId: DEMO.acme,
  accountName: "acme",
  projectId: DEMO.acmeAp,
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
};

/** A finished batch of alice's, written straight into the e2e server's database (no tracker needed). */
async function aliceBatch(): Promise<string> {
  const db = await openDatabase(`file:${target().database}`);
  try {
    await migrate(db);
    return await createBatch(db, {
      actor: alice,
      operation: "share",
      images: [{ id: DEMO_IMAGES.ubuntu, name: "ubuntu-22.04-web", service: "ims" }],
      targets: [{ kind: "project", value: DEMO.globexAp, memberId: DEMO.globexAp }],
      pairs: [{ image: 0, target: 0, status: "skipped", reason: REASONS.alreadyMember }],
    });
  } finally {
    await db.destroy();
  }
}

test("a project without batches says so and offers a new batch", async ({ pageAs }) => {
  const page = await pageAs("carol");
  await new BatchesPage(page).goto();
  await expect(page).toHaveURL(/\/batches$/);
  await expect(page.getByText("No batches in this project yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "New batch" }).first()).toHaveAttribute("href", "/batches/new");
});

test("another account's batch is not found, in the page and in every route, like an id that does not exist", async ({
  pageAs,
  request,
}) => {
  const id = await aliceBatch();
  const unknown = "00000000-0000-4000-8000-000000000000";
  // Without a session: 401.
  expect((await request.get(`/api/batches/${id}`)).status()).toBe(401);

  const page = await pageAs("bob");
  await new BatchPage(page).goto(id);
  await expect(page.getByRole("heading", { name: "Batch not found" })).toBeVisible();
  await expect(page.getByText("Share 1 image")).toHaveCount(0);
  for (const path of ["", "/events", "/export?format=csv"]) {
    const theirs = await page.request.get(`/api/batches/${id}${path}`);
    const none = await page.request.get(`/api/batches/${unknown}${path}`);
    expect(theirs.status(), path).toBe(404);
    expect(await theirs.json()).toEqual(await none.json());
  }
});

test("the owner sees the batch, its finished state and its export", async ({ pageAs }) => {
  const id = await aliceBatch();
  const page = await pageAs("alice");
  await new BatchPage(page).goto(id);
  await expect(page.getByRole("heading", { name: "Share 1 image with 1 target" })).toBeVisible();
  await expect(page.getByRole("row", { name: /ubuntu-22.04-web/ })).toContainText("Already a member.");
  const csv = await page.request.get(`/api/batches/${id}/export?format=csv`);
  expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="batch-${id}.csv"`);
  expect((await csv.text()).split("\r\n")[1]).toContain(`ubuntu-22.04-web,ims,project,${DEMO.globexAp}`);
  const batches = new BatchesPage(page);
  await batches.goto();
  await expect(page.getByRole("link", { name: "Share 1 image × 1 target" }).first()).toHaveAttribute(
    "href",
    `/batches/${id}`,
  );
});

test.describe("in Chinese", () => {
  test.use({ user: "alice", locale: "zh-CN" });

  test("a batch says its pairs' reasons and its status in Chinese; the export keeps them in English", async ({
    page,
  }) => {
    const id = await aliceBatch();
    await page.goto(`/batches/${id}`);
    await expect(page.getByRole("row", { name: /ubuntu-22.04-web/ })).toContainText("已是共享成员。");
    await expect(page.getByText("没有要发送的内容：所有组合均已跳过、已阻止或已排除。")).toBeVisible();
    const csv = await page.request.get(`/api/batches/${id}/export?format=csv`);
    expect((await csv.text()).split("\r\n")[1]).toContain("skipped,,Already a member.");
  });
});
