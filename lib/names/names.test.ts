import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { writeAuditEvent } from "@/lib/audit/writer";
import { historyFilterSchema } from "@/lib/audit/filter";
import { listEvents } from "@/lib/audit/read";
import { resolveHistoryFilter } from "./history";
import { idsNamed, namesFor } from "./lookup";
import { listNames, removeName, saveNames } from "./store";
import { fieldKey } from "@/lib/i18n/fields";
import { textIn } from "@/lib/localize/testing";
import { parseNamesCsv, targetIdOf } from "./validate";

const ACME = "ac0e0000000000000000000000000001";
const GLOBEX_PROJECT = "610be0000000000000000000000000a1";
const INITECH_PROJECT = "1417ec000000000000000000000000a1";

describe("target ids", () => {
  it("takes project and account ids (lower-cased), organization ids and URNs", () => {
    expect(targetIdOf(` ${GLOBEX_PROJECT.toUpperCase()} `)).toEqual({ ok: true, id: GLOBEX_PROJECT });
    expect(targetIdOf(`organizations::${ACME}:ou:o-acme0001/ou-partners01`)).toEqual({ ok: true, id: "ou-partners01" });
    expect(targetIdOf("o-acme0001")).toEqual({ ok: true, id: "o-acme0001" });
  });

  it("refuses image ids, short ids and garbage with a reason", () => {
    expect(targetIdOf("1b7f0000-0000-4000-8000-000000000001")).toEqual({ ok: false, reason: fieldKey("idIsImage") });
    expect(targetIdOf("610be")).toEqual({ ok: false, reason: fieldKey("notATargetId") });
    expect(targetIdOf("")).toMatchObject({ ok: false });
  });
});

describe("address book CSV import", () => {
  it("reads id,name[,note] rows after an optional header", () => {
    const csv = `id,name,note\r\n${GLOBEX_PROJECT},Globex prod,"billing, EU"\n${INITECH_PROJECT},Initech\n`;
    expect(parseNamesCsv(csv)).toEqual({
      ok: true,
      entries: [
        { id: GLOBEX_PROJECT, name: "Globex prod", note: "billing, EU" },
        { id: INITECH_PROJECT, name: "Initech", note: null },
      ],
    });
  });

  it("refuses the whole file, naming every bad row: bad id, duplicate, over-long or empty name, wrong cell count", () => {
    const csv = [
      `${GLOBEX_PROJECT},Globex`,
      "not-an-id,Nope",
      `${GLOBEX_PROJECT.toUpperCase()},Globex again`,
      `${INITECH_PROJECT},${"x".repeat(65)}`,
      `${ACME},`,
      "just-one-cell",
    ].join("\n");
    const r = parseNamesCsv(csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const en = textIn("en");
    const said = r.errors.map(({ line, problem, subject }) => ({
      line,
      message: `${subject ? `${subject}: ` : ""}${en(problem.key, problem.values)}`,
    }));
    expect(said).toEqual([
      { line: 2, message: expect.stringMatching(/^not-an-id: Not a project or account id/) },
      { line: 3, message: `${GLOBEX_PROJECT} is already named on line 1.` },
      { line: 4, message: "Names are at most 64 characters." },
      { line: 5, message: "Give a name." },
      { line: 6, message: "Expected id,name or id,name,note; found 1 cell." },
    ]);
    const zh = textIn("zh-CN");
    expect(r.errors.map(({ problem }) => zh(problem.key, problem.values))).toEqual([
      "不是项目 ID 或账号 ID（32 位小写十六进制数字），也不是组织 ID。",
      `${GLOBEX_PROJECT} 已在第 1 行命名。`,
      "名称最多 64 个字符。",
      "请输入名称。",
      "应为 id,name 或 id,name,note；实际为 1 个单元格。",
    ]);
  });

  it("refuses an empty file", () => {
    expect(parseNamesCsv("id,name\n")).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });
});

describe("names lookup", () => {
  it("finds ids by exact name first, else by part of a name", () => {
    const names = { a: "Globex prod", b: "Globex", c: "Initech" };
    expect(idsNamed(names, "globex")).toEqual(["b"]);
    expect(idsNamed(names, "lob")).toEqual(["a", "b"]);
    expect(idsNamed(names, "nobody")).toEqual([]);
  });
});

describe.each(backends)("address book store on $name", (backend) => {
  let db: Kysely<Database>;
  onMigratedDatabase(backend, (opened) => (db = opened));

  it("adds, renames and removes names per account", async () => {
    await saveNames(db, ACME, [{ id: GLOBEX_PROJECT, name: "Globex", note: null }], "alice", 1);
    await saveNames(db, "other-account", [{ id: GLOBEX_PROJECT, name: "Theirs", note: null }], "zed", 1);
    await saveNames(db, ACME, [{ id: GLOBEX_PROJECT, name: "Globex prod", note: "EU" }], "arthur", 2);
    expect(await listNames(db, ACME)).toEqual([
      { id: GLOBEX_PROJECT, name: "Globex prod", note: "EU", updatedBy: "arthur", updatedAt: 2 },
    ]);
    expect(await removeName(db, ACME, GLOBEX_PROJECT)).toBe(true);
    expect(await removeName(db, ACME, GLOBEX_PROJECT)).toBe(false);
    expect(await listNames(db, ACME)).toEqual([]);
    expect((await listNames(db, "other-account")).map((n) => n.name)).toEqual(["Theirs"]);
  });

  it("imports all or nothing: a failing row leaves the book as it was", async () => {
    await saveNames(db, ACME, [{ id: INITECH_PROJECT, name: "Initech", note: null }], "alice");
    const bad = [
      { id: GLOBEX_PROJECT, name: "Globex", note: null },
      { id: INITECH_PROJECT, name: "x".repeat(10_000), note: "y".repeat(10_000) },
      { id: null as unknown as string, name: "breaks the insert", note: null },
    ];
    await expect(saveNames(db, ACME, bad, "alice")).rejects.toThrow();
    expect((await listNames(db, ACME)).map((n) => [n.id, n.name])).toEqual([[INITECH_PROJECT, "Initech"]]);
  });

  it("merges the account's own projects, the account and the address book, the book winning", async () => {
    await saveNames(db, ACME, [{ id: "ac0e00000000000000000000000000c4", name: "Beijing", note: null }], "alice");
    const names = await namesFor(db, { accountId: ACME, accountName: "acme" }, [
      { id: "ac0e00000000000000000000000000a1", name: "ap-southeast-1" },
      { id: "ac0e00000000000000000000000000c4", name: "cn-north-4" },
    ]);
    expect(names).toMatchObject({
      [ACME]: "acme (your account)",
      ac0e00000000000000000000000000a1: "ap-southeast-1",
      ac0e00000000000000000000000000c4: "Beijing",
      [INITECH_PROJECT]: "Initech",
    });
  });

  it("resolves History's member filter from a name or part of an id, and its image filter from a name or part of an id", async () => {
    const scope = { accountId: ACME, projectId: "ac0e00000000000000000000000000a1" };
    const actor = {
      userId: "u1",
      userName: "alice",
      accountId: ACME,
      accountName: "acme",
      projectId: scope.projectId,
      projectName: "ap-southeast-1",
      region: "ap-southeast-1",
    };
    const UBUNTU = "1b7f0000-0000-4000-8000-000000000001";
    for (const [image, target] of [
      [UBUNTU, GLOBEX_PROJECT],
      ["1b7f0000-0000-4000-8000-000000000002", INITECH_PROJECT],
    ])
      await writeAuditEvent(db, {
        actor,
        action: "share",
        outcome: "succeeded",
        images: [image],
        targets: [target],
        durationMs: 1,
      });
    const names = { [GLOBEX_PROJECT]: "Globex Singapore" };
    const read = async (raw: Record<string, string>, imagesNamed?: (n: string) => Promise<string[]>) => {
      const f = await resolveHistoryFilter(db, scope, historyFilterSchema.parse(raw), names, imagesNamed);
      return (await listEvents(db, scope, f)).events.map((e) => [e.images[0], e.targets[0]]);
    };
    expect(await read({ member: "globex singapore" })).toEqual([[UBUNTU, GLOBEX_PROJECT]]);
    expect(await read({ member: "1417ec00" })).toEqual([[expect.any(String), INITECH_PROJECT]]);
    expect(await read({ member: "nobody" })).toEqual([]);
    expect(await read({ image: "ubuntu-22.04-web" }, async (n) => (n === "ubuntu-22.04-web" ? [UBUNTU] : []))).toEqual([
      [UBUNTU, GLOBEX_PROJECT],
    ]);
    expect(await read({ image: "1b7f0000-0000-4000" })).toHaveLength(2);
    expect(await read({ image: UBUNTU })).toHaveLength(1);
  });
});
