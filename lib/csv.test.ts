import { describe, expect, it } from "vitest";
import { csvCell, csvRow, parseCsv, withHeading } from "./csv";

describe("CSV cells", () => {
  it("neutralizes what a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("quotes commas, quotes and line breaks, and leaves plain values alone", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\r\nlf")).toBe('"cr\r\nlf"');
    expect(csvCell("IMG.0088")).toBe("IMG.0088");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(null)).toBe("");
  });

  it("ends a row with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});

describe("CSV reading", () => {
  it("reads quoted cells, doubled quotes, line breaks and CRLF, with each row's line", () => {
    const text = '\uFEFFid,name\r\n"a,b","say ""hi"""\r\n\r\nx,"two\nlines"\nlast,row';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["id", "name"] },
      { line: 2, cells: ["a,b", 'say "hi"'] },
      { line: 4, cells: ["x", "two\nlines"] },
      { line: 6, cells: ["last", "row"] },
    ]);
  });

  it("reads back what csvRow writes", () => {
    const cells = ["plain", "a,b", 'q"uote', "multi\nline"];
    expect(parseCsv(csvRow(cells))).toEqual([{ line: 1, cells }]);
  });
});

describe("withHeading", () => {
  async function* lines() {
    yield "image_id,status\r\n";
    yield "i-1,succeeded\r\n";
  }
  const collect = async (it: AsyncIterable<string>) => {
    const out: string[] = [];
    for await (const line of it) out.push(line);
    return out;
  };

  it("puts its heading in place of the first line and keeps every other", async () => {
    expect(await collect(withHeading("镜像 ID,状态\r\n", lines()))).toEqual(["镜像 ID,状态\r\n", "i-1,succeeded\r\n"]);
  });
});
