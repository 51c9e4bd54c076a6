import { NO_POLICY } from "@/lib/policy/policy";
import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { flightResult, grown, manifestActions, mutations, postAction } from "./action-client";
import { emulator, expect, query, target, test } from "./fixtures";
import { ImagePage } from "./pages/images";
import { openstackAsAlice } from "./openstack";

/**
 * Issue 16: the account's sharing policy. Set on the Settings page, it judges every pair a share would
 * add, in the dialog and again on the server: a forged post gets no further than the dialog would.
 * The tests of a project run one at a time, and each leaves the account without a policy.
 */

type Policy = Record<string, unknown>;
const ORG_ONLY = { ...NO_POLICY, mode: "enforce", otherwise: "approve" };

/** Writes acme's policy straight into the console's database, as the Settings page would. */
async function setPolicy(policy: Policy | undefined) {
  const { default: SQLite } = await import("better-sqlite3");
  const db = new SQLite(target().database, { fileMustExist: true });
  try {
    db.prepare("delete from sharing_policies").run();
    db.prepare("delete from approval_requests").run();
    if (policy)
      db.prepare("insert into sharing_policies values (?, ?, 'e2e', ?)").run(
        DEMO.acme,
        JSON.stringify(policy),
        Date.now(),
      );
  } finally {
    db.close();
  }
}

test.afterEach(async () => {
  await setPolicy(undefined);
});

test.beforeEach(async () => {
  await emulator.reset();
});

test("a full admin sets the policy on Settings; it is audited; a read-only user sees it and cannot change it", async ({
  pageAs,
}) => {
  const page = await pageAs("alice");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByText("No policy yet: every share goes as planned.")).toBeVisible();
  await page.getByRole("radio", { name: /Enforce/ }).check();
  await page.getByLabel("Any other target").selectOption("approve");
  await page.getByLabel("Also allowed").fill("not-an-id");
  await page.getByRole("button", { name: "Save policy" }).click();
  // Refused, and what was typed is still there.
  await expect(page.getByText(/Not a project or account id/)).toBeVisible();
  await expect(page.getByLabel("Also allowed")).toHaveValue("not-an-id");
  await page.getByLabel("Also allowed").fill(DEMO.umbrellaAp.toUpperCase());
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Policy saved: enforced.")).toBeVisible();
  const [saved] = await query<{ policy: string }>("select policy from sharing_policies");
  expect(JSON.parse(saved.policy)).toMatchObject({
    mode: "enforce",
    otherwise: "approve",
    allowlist: [DEMO.umbrellaAp],
  });
  const [event] = await query<{ input: string; outcome: string }>(
    "select input, outcome from audit_events where action = 'policy_changed' order by seq desc limit 1",
  );
  expect(event.outcome).toBe("succeeded");
  expect(JSON.parse(event.input)).toMatchObject({ before: { mode: "off" }, after: { mode: "enforce" } });

  const audrey = await pageAs("audrey");
  await audrey.goto("/settings");
  await expect(audrey.getByText(/Last changed by alice/)).toBeVisible();
  await expect(audrey.getByRole("radio", { name: /Enforce/ })).toBeChecked();
  await expect(audrey.getByRole("radio", { name: /Enforce/ })).toBeDisabled();
  await expect(audrey.getByRole("button", { name: "Save policy" })).toHaveCount(0);
});

test("organization only, otherwise approval: initech's account is allowed and shared; umbrella's project needs approval, in the dialog and against a forged post", async ({
  pageAs,
  baseURL,
}) => {
  await setPolicy(ORG_ONLY);
  const page = await pageAs("alice");
  const image = new ImagePage(page);
  await image.goto(DEMO_IMAGES.debian);
  await image.shareButton().click();
  await image.dialog().getByRole("radio", { name: "Account ids" }).check();
  await image.dialog().getByLabel("Targets").fill(DEMO.initech);
  await image.dialog().getByRole("button", { name: "Check targets" }).click();
  await expect(image.dialog().getByText("Inside this account's organization.")).toBeVisible();
  await expect(image.dialog().getByText("Allowed", { exact: true })).toBeVisible();
  await image.confirmShare(1);
  await expect(image.dialog().getByText("shared, pending acceptance")).toBeVisible();

  await image.goto(DEMO_IMAGES.debian);
  await image.checkTargets(DEMO.umbrellaAp);
  await expect(image.dialog().getByText("Needs approval", { exact: true })).toBeVisible();
  await expect(image.dialog().getByText(/needs another admin's approval/)).toBeVisible();
  await expect(image.dialog().getByRole("button", { name: "Share 1 pair" })).toBeDisabled();

  // The same share posted without the dialog: refused in the vocabulary, and the cloud changes nothing.
  const share = manifestActions().find((a) => a.name === "shareImagesAction")!;
  const before = await mutations();
  const res = await postAction(
    page.request,
    baseURL!,
    share,
    JSON.stringify([null, { imageIds: [DEMO_IMAGES.debian], targets: DEMO.umbrellaAp, kind: "project" }]),
  );
  expect(flightResult(await res.body())).toMatchObject({ ok: false, error: { code: "forbidden" } });
  expect(grown(before, await mutations())).toEqual([]);
});

test("a target outside the allowed ones with 'warn' needs a reason, kept in the audit event with the verdicts and risks", async ({
  pageAs,
}) => {
  await setPolicy({ ...ORG_ONLY, otherwise: "warn" });
  const page = await pageAs("alice");
  const image = new ImagePage(page);
  await image.goto(DEMO_IMAGES.debian);
  await image.checkTargets(DEMO.umbrellaAp);
  await expect(image.dialog().getByText("Needs a reason", { exact: true })).toBeVisible();
  // Umbrella is outside the organization; whether this is a first share depends on what ran before.
  await expect(image.dialog().getByText("Outside the organization")).toBeVisible();
  const send = image.dialog().getByRole("button", { name: "Share 1 pair" });
  await expect(send).toBeDisabled();
  await image.dialog().getByLabel("Reason").fill("Umbrella's proof of concept, until March");
  await image.confirmShare(1);
  await expect(image.dialog().getByText("shared, pending acceptance")).toBeVisible();
  const [event] = await query<{ input: string }>(
    "select input from audit_events where action = 'share' order by seq desc limit 1",
  );
  expect(JSON.parse(event.input)).toMatchObject({
    reason: "Umbrella's proof of concept, until March",
    policy: { mode: "enforce", needs: "reason" },
    verdicts: [
      {
        target: DEMO.umbrellaAp,
        verdict: "reason",
        rule: "otherwise",
        risks: expect.arrayContaining(["outsideOrganization"]),
      },
    ],
  });
});

test("audit mode says what the policy would do and holds nothing back; a locked image is denied only when enforced", async ({
  pageAs,
}) => {
  await setPolicy({ ...ORG_ONLY, mode: "audit", lockedNames: ["debian-*"] });
  const page = await pageAs("alice");
  const image = new ImagePage(page);
  await image.goto(DEMO_IMAGES.debian);
  await image.checkTargets(DEMO.umbrellaAp);
  await expect(image.dialog().getByText("Audit mode: would be Denied")).toBeVisible();
  await expect(image.dialog().getByText("Images named like debian-* may not leave this account.")).toBeVisible();
  await image.confirmShare(1);
  await expect(image.dialog().getByText("shared, pending acceptance")).toBeVisible();

  // The history says what the policy would have done.
  await page.goto("/history");
  await expect(
    page.getByRole("table", { name: "Events", exact: true }).getByText("Audit mode: would be Denied").first(),
  ).toBeVisible();

  await setPolicy({ ...ORG_ONLY, lockedNames: ["debian-*"] });
  await image.goto(DEMO_IMAGES.debian);
  await image.checkTargets(DEMO.initech);
  await expect(image.dialog().getByText("Images named like debian-* may not leave this account.")).toBeVisible();
  await expect(image.dialog().getByRole("button", { name: /^Share \d+ pairs?$/ })).toHaveCount(0);
});

test(
  "alice asks for approval of a share outside the organization; arthur approves and it runs as a batch; history links request, approval and batch",
  { tag: "@flow" },
  async ({ pageAs, baseURL }) => {
    await setPolicy(ORG_ONLY);
    // Arthur has the console open before anything is asked: the navigation's count comes to him by itself.
    const arthur = await pageAs("arthur");
    await arthur.goto("/images");
    const approvalsLink = arthur.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Approvals/ });
    await expect(approvalsLink).toHaveAccessibleName("Approvals");
    const alice = await pageAs("alice");
    const image = new ImagePage(alice);
    await image.goto(DEMO_IMAGES.debian);
    await image.checkTargets(DEMO.umbrellaAp);
    await expect(image.dialog().getByRole("button", { name: "Ask for approval" })).toBeDisabled();
    await image.dialog().getByLabel("Why (the approver reads it)").fill("Umbrella's proof of concept");
    await image.dialog().getByRole("button", { name: "Ask for approval" }).click();
    await expect(image.dialog().getByText(/Sent for approval \(1 pair\)/)).toBeVisible();

    // Alice sees her request, and cannot decide it, even with a forged post.
    await alice.goto("/approvals");
    const yours = alice.getByRole("region", { name: "Your requests" });
    await expect(yours.getByText("alice asks to share 1 pair in ap-southeast-1")).toBeVisible();
    await expect(alice.getByRole("button", { name: "Approve and launch" })).toHaveCount(0);
    const [request] = await query<{ id: string }>("select id from approval_requests");
    const approve = manifestActions().find((a) => a.name === "approveRequestAction")!;
    const before = await mutations();
    const forged = await postAction(alice.request, baseURL!, approve, JSON.stringify([null, { id: request.id }]));
    expect(flightResult(await forged.body())).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(grown(before, await mutations())).toEqual([]);

    await expect(approvalsLink).toHaveAccessibleName("Approvals, 1 pending");
    await arthur.goto("/approvals");
    const waiting = arthur.getByRole("region", { name: "Waiting for you" });
    await expect(waiting.getByText("Umbrella's proof of concept")).toBeVisible();
    await expect(waiting.getByText("Needs approval")).toBeVisible();
    await waiting.getByLabel("Note for the requester (optional)").fill("Until March");
    await waiting.getByRole("button", { name: "Approve and launch" }).click();
    await expect(arthur).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
    const batchId = arthur.url().split("/").pop()!;
    await expect(arthur.getByText("1 succeeded, 0 failed").first()).toBeVisible({ timeout: 30_000 });

    // The share happened, and the history links the three.
    await image.goto(DEMO_IMAGES.debian);
    await expect(image.member(DEMO.umbrellaAp)).toBeVisible();
    // Alice's forged approval is in the history too, refused.
    const events = await query<{ action: string; user_name: string; outcome: string; input: string }>(
      "select action, user_name, outcome, input from audit_events where action in ('approval_requested', 'approval_approved') and input like ? order by seq",
      `%${request.id}%`,
    );
    expect(events.map((e) => [e.action, e.user_name, e.outcome])).toEqual([
      ["approval_requested", "alice", "succeeded"],
      ["approval_approved", "alice", "failed"],
      ["approval_approved", "arthur", "succeeded"],
    ]);
    expect(JSON.parse(events[0].input)).toMatchObject({ request: request.id, reason: "Umbrella's proof of concept" });
    expect(JSON.parse(events[2].input)).toMatchObject({
      request: request.id,
      requestedBy: "alice",
      note: "Until March",
    });
    const [linked] = await query<{ batch_id: string; status: string }>(
      "select batch_id, status from approval_requests where id = ?",
      request.id,
    );
    expect(linked).toEqual({ batch_id: batchId, status: "approved" });
    await arthur.goto("/approvals");
    await expect(arthur.getByRole("region", { name: "Decided" }).getByText(/Approved by arthur/)).toBeVisible();
  },
);

test("a share made outside the console that the policy would not allow is flagged in History, counted on Images, and undone in one click", async ({
  pageAs,
}) => {
  await setPolicy(ORG_ONLY);
  await openstackAsAlice(["image", "add", "project", DEMO_IMAGES.debian, DEMO.umbrellaAp, "-f", "json"]);
  const page = await pageAs("alice");
  await page.goto("/history");
  const panel = page.getByTestId("cts-import-panel");
  await panel.getByRole("button", { name: "Import now" }).click();
  await expect(panel.getByTestId("cts-import-result")).toContainText("Imported 1 new event");
  await page.reload();
  // Umbrella's project is shown cut short ("0b1e0000…00a1"); earlier specs' outside shares may be flagged too.
  const row = page
    .getByRole("table", { name: "Events", exact: true })
    .getByRole("row")
    .filter({ hasText: "Outside policy" })
    .filter({ hasText: DEMO.umbrellaAp.slice(0, 8) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("CTS");

  await page.goto("/images");
  // Earlier specs may have left outside shares of their own in this project's last 7 days.
  await expect(page.getByText(/^\d+ shares? outside the sharing policy in the last 7 days$/)).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: DEMO.umbrellaAp.slice(0, 8) });
  await item.getByRole("button", { name: "Stop sharing" }).click();
  await expect(item.getByText("Stopped", { exact: true })).toBeVisible();
  const image = new ImagePage(page);
  await image.goto(DEMO_IMAGES.debian);
  await expect(image.member(DEMO.umbrellaAp)).toHaveCount(0);
});
