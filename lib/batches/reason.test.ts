import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openDatabase } from "@/lib/db/connect";
import type { Database } from "@/lib/db/types";
import { sayStored, text } from "@/lib/i18n/text";
import { failureReason } from "@/lib/sharing/pairs";
import { REASONS } from "@/lib/sharing/rules";
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/messages";
import { cancelWaiting, updatePairs } from "./pair-store";
import { createBatch, getBatch, pairsSince } from "./store";

const actor = {
  userId: "u1",
  userName: "alice",
  accountId: "a1",
  accountName: "acme",
  projectId: "p1",
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
};
const hex = (n: number) => n.toString(16).padStart(32, "0");
const en = createTranslator({ locale: "en", messages: MESSAGES.en });
const zh = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"] });

describe("a batch pair's reason", () => {
  let dir: string;
  let db: Kysely<Database>;
  let batchId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "imshare-reason-"));
    db = await openDatabase(`file:${join(dir, "reason.db")}`);
    await migrate(db);
    batchId = await createBatch(db, {
      actor,
      operation: "share",
      images: [{ id: "1b7f0000-0000-4000-8000-000000000001", name: "ubuntu", service: "ims" }],
      targets: [0, 1, 2, 3].map((n) => ({ kind: "project" as const, value: hex(n), memberId: hex(n) })),
      pairs: [
        { image: 0, target: 0, status: "skipped", reason: REASONS.alreadyMember },
        { image: 0, target: 1, status: "blocked", reason: REASONS.overLimit(256, 256) },
        { image: 0, target: 2, status: "waiting" },
        { image: 0, target: 3, status: "waiting" },
      ],
    });
  });

  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is stored as its key and arguments, with the English sentence beside it for exports", async () => {
    await updatePairs(db, batchId, [
      { idx: [2], set: { status: "failed", code: "IMG.0088", reason: failureReason("IMG.0088") } },
    ]);
    await cancelWaiting(db, batchId);
    const pairs = await pairsSince(db, batchId);
    expect(pairs.map((p) => p.reasonText)).toEqual([
      REASONS.alreadyMember,
      REASONS.overLimit(256, 256),
      text("errors.upstream.IMG_0088"),
      text("batches.pairReason.cancelled"),
    ]);
    expect(pairs.map((p) => p.reason)).toEqual([
      "Already a member.",
      "Member quota used up: 256 / 256, counting the targets added before it.",
      en("errors.upstream.IMG_0088"),
      "Cancelled before it was sent.",
    ]);
    expect(sayStored(zh, pairs[1].reasonText, pairs[1].reason)).toBe(
      "共享成员配额已用完：256 / 256（计入此前添加的对象）。",
    );
  });

  it("clears both columns when a pair is sent again", async () => {
    await updatePairs(db, batchId, [{ idx: [2], set: { status: "waiting", code: null, reason: null } }]);
    const [pair] = (await pairsSince(db, batchId)).filter((p) => p.idx === 2);
    expect([pair.reason, pair.reasonText]).toEqual([null, null]);
  });

  it("of a row written before reasons were keys shows its English sentence in every language", async () => {
    await db
      .updateTable("batch_pairs")
      .set({ reason: "Already a member.", reason_text: null })
      .where("batch_id", "=", batchId)
      .where("idx", "=", 0)
      .execute();
    const [old] = await pairsSince(db, batchId);
    expect(old.reasonText).toBeNull();
    expect(sayStored(zh, old.reasonText, old.reason)).toBe("Already a member.");
    // A key a later version no longer has falls back the same way.
    const gone = { key: "sharing.reasons.gone" } as unknown as Parameters<typeof sayStored>[1];
    expect(sayStored(zh, gone, "Gone.")).toBe("Gone.");
  });

  it("of a batch with nothing to send says so in the reader's language, keeping the English beside it", async () => {
    const id = await createBatch(db, {
      actor,
      operation: "share",
      images: [{ id: "1b7f0000-0000-4000-8000-000000000002", name: "debian", service: "ims" }],
      targets: [{ kind: "project", value: hex(9), memberId: hex(9) }],
      pairs: [{ image: 0, target: 0, status: "skipped", reason: REASONS.alreadyMember }],
    });
    const batch = await getBatch(db, id, { accountId: "a1", projectId: "p1" });
    expect(batch?.statusMessage).toBe("Nothing to send: every pair was skipped, blocked or excluded.");
    expect(sayStored(zh, batch?.statusText, batch?.statusMessage)).toBe(
      "没有要发送的内容：所有组合均已跳过、已阻止或已排除。",
    );
  });
});
