import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/messages";
import { namesCsv, type NamesCsvColumn } from "./csv";
import { parseNamesCsv } from "./validate";

const GLOBEX = "610be0000000000000000000000000b1";
const INITECH = "610be0000000000000000000000000c1";
const entries = [
  { id: GLOBEX, name: "Globex prod", note: "billing, EU" },
  { id: INITECH, name: "因尼泰克", note: null },
];
const labels = (locale: Locale) => {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "names.csv" });
  return (column: NamesCsvColumn) => t(column);
};

describe("address book CSV export", () => {
  it("heads its columns in the reader's language and keeps ids and names as they are", () => {
    expect(namesCsv(entries, labels("en"))).toBe(
      `id,name,note\r\n${GLOBEX},Globex prod,"billing, EU"\r\n${INITECH},因尼泰克,\r\n`,
    );
    expect(namesCsv(entries, labels("zh-CN")).split("\r\n")[0]).toBe("ID,名称,备注");
    expect(namesCsv(entries, labels("zh-CN")).split("\r\n").slice(1)).toEqual(
      namesCsv(entries, labels("en")).split("\r\n").slice(1),
    );
  });

  it("is read back by the import in every language", () => {
    for (const locale of LOCALES)
      expect(parseNamesCsv(namesCsv(entries, labels(locale))), locale).toEqual({ ok: true, entries });
  });

  it("names the bad cell before its problem, and none for an empty id", () => {
    expect(parseNamesCsv(`id,name\nnope,Nope\n,Nameless\n`)).toEqual({
      ok: false,
      errors: [
        { line: 2, problem: { key: "errors.fields.notATargetId" }, subject: "nope" },
        { line: 3, problem: { key: "errors.fields.idEmpty" } },
      ],
    });
  });
});
