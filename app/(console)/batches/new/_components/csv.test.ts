import { describe, expect, it } from "vitest";
import { readCsvTargets } from "./csv";

const A = "610be0000000000000000000000000a1";
const B = "1417ec000000000000000000000000a1";

describe("readCsvTargets", () => {
  it("takes the first column of a file without a header", () => {
    expect(readCsvTargets(`${A},globex\n${B},initech\n`)).toEqual({
      values: [A, B],
      column: { first: true },
      ignored: [],
    });
  });

  it("takes the named column and reports the header, empty lines and missing values", () => {
    const csv = `name;project_id\r\nglobex;${A}\r\n\r\ninitech;\r\n"x";"${B}"`;
    expect(readCsvTargets(csv)).toEqual({
      values: [A, B],
      column: { named: "project_id" },
      ignored: [
        { line: 1, text: "name;project_id", reason: "header" },
        { line: 3, text: "", reason: "empty" },
        { line: 4, text: "initech;", reason: "noValue" },
      ],
    });
  });

  it("skips an unknown header over id-like values", () => {
    expect(readCsvTargets(`id\n${A}`)).toMatchObject({
      values: [A],
      column: { first: true, header: "id" },
      ignored: [{ line: 1, reason: "header" }],
    });
  });
});
