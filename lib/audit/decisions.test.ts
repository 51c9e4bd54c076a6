import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openDatabase } from "@/lib/db/connect";
import type { Database } from "@/lib/db/types";
import { acceptVaults, lastPhoneDecisions } from "./decisions";
import { writeAuditEvent, type AuditEvent } from "./writer";

const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PROJECT = "ac0e00000000000000000000000000a1";
const A = "610be000000000000000000000c9a001";
const B = "610be000000000000000000000c9a002";
const C = "610be000000000000000000000c9a003";

const actor = (userName: string, projectId = PROJECT) => ({
  userId: `id-${userName}`,
  userName,
  accountId: "ac0e0000000000000000000000000001",
  accountName: "acme",
  projectId,
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
});

const backends = [
  {
    name: "SQLite",
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "imshare-decisions-"));
      return {
        db: await openDatabase(`file:${join(dir, "test.db")}`),
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: "PostgreSQL",
    async open() {
      const name = `imshare_test_${randomBytes(6).toString("hex")}`;
      const admin = await openDatabase(PG_ADMIN_URL);
      await sql.raw(`create database ${name}`).execute(admin);
      const db = await openDatabase(PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`));
      return {
        db,
        async cleanup() {
          await sql.raw(`drop database if exists ${name} with (force)`).execute(admin);
          await admin.destroy();
        },
      };
    },
  },
];

describe.each(backends)("last phone decisions on $name", (backend) => {
  let db: Kysely<Database>;
  let cleanup: () => Promise<void>;
  let clock = 1_000;
  const write = (e: Omit<AuditEvent, "occurredAt">) => writeAuditEvent(db, { ...e, occurredAt: (clock += 1_000) });

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    await migrate(db);
  });
  afterAll(async () => {
    await db.destroy();
    await cleanup();
  });

  it("gives each image its latest successful accept or reject in the project, and nothing for the rest", async () => {
    await write({ actor: actor("alice"), action: "accept", outcome: "succeeded", images: [A, B] });
    await write({ actor: actor("bob"), action: "reject", outcome: "succeeded", images: [A] });
    await write({
      actor: actor("alice"),
      action: "accept",
      outcome: "failed",
      images: [A],
      error: { code: "CPS.0003", message: "down" },
    });
    await write({
      actor: actor("alice", "ac0e00000000000000000000000000c4"),
      action: "accept",
      outcome: "succeeded",
      images: [B],
    });
    await write({ actor: actor("alice"), action: "share", outcome: "succeeded", images: [C] });
    await write({ actor: actor("alice"), action: "accept", outcome: "succeeded", images: [C], source: "cts" });

    const decisions = await lastPhoneDecisions(db, PROJECT, [A, B, C]);
    expect(decisions.get(A)).toEqual({ action: "reject", at: 3_000, userName: "bob" });
    expect(decisions.get(B)).toEqual({ action: "accept", at: 2_000, userName: "alice" });
    expect(decisions.has(C)).toBe(false);
  });

  it("counts a partial event only for the images whose own pair succeeded", async () => {
    await write({
      actor: actor("alice"),
      action: "reject",
      outcome: "partial",
      images: [B, C],
      pairs: [
        { image: B, target: PROJECT, outcome: "failed", code: "CPS.0003" },
        { image: C, target: PROJECT, outcome: "succeeded" },
      ],
    });
    const decisions = await lastPhoneDecisions(db, PROJECT, [B, C]);
    expect(decisions.get(B)?.action).toBe("accept");
    expect(decisions.get(C)).toMatchObject({ action: "reject", userName: "alice" });
  });

  it("reads many ids in chunks and does not mistake one id for another", async () => {
    const many = Array.from({ length: 120 }, (_, i) => `7e7e${String(i).padStart(28, "0")}`);
    await write({ actor: actor("alice"), action: "accept", outcome: "succeeded", images: many.slice(0, 110) });
    const decisions = await lastPhoneDecisions(db, PROJECT, [...many, "7e7e_000000000000000000000000000"]);
    expect(decisions.size).toBe(110);
    expect(decisions.has(many[115])).toBe(false);
    expect(await lastPhoneDecisions(db, PROJECT, [])).toEqual(new Map());
  });

  it("names the vault of each image whose last decision was an accept with one", async () => {
    const [D, E, F] = [
      "610be000000000000000000000c9a0d1",
      "610be000000000000000000000c9a0e1",
      "610be000000000000000000000c9a0f1",
    ];
    const vault = "ac0e0000-0000-4000-8000-00000000ba01";
    await write({
      actor: actor("alice"),
      action: "accept",
      outcome: "succeeded",
      images: [D, E],
      input: { imageIds: [D, E], vaultId: vault },
    });
    await write({
      actor: actor("alice"),
      action: "reject",
      outcome: "succeeded",
      images: [E],
      input: { imageIds: [E] },
    });
    await write({
      actor: actor("alice"),
      action: "accept",
      outcome: "succeeded",
      images: [F],
      input: { imageIds: [F] },
    });
    const vaults = await acceptVaults(db, PROJECT, [D, E, F]);
    expect(vaults).toEqual(new Map([[D, vault]]));
  });
});
