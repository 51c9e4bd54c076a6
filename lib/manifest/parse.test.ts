import { describe, expect, it } from "vitest";
import { UserError } from "@/lib/errors";
import { textIn } from "@/lib/localize/testing";
import type { Text } from "@/lib/i18n/text";
import { MANIFEST_MAX_BYTES, parseManifest } from "./parse";

const en = textIn("en");
const zh = textIn("zh-CN");
const IMAGE = "1b7f0000-0000-4000-8000-000000000001";
const PROJECT = "610be0000000000000000000000000a1";
const URN = "organizations::ac0e0000000000000000000000000001:ou:o-acme0001/ou-partners01";

/** The refusal's sentence in English (and its Chinese, to check both catalogues say it). */
function refusal(source: string): { en: string; zh: string; field?: string[] } {
  try {
    parseManifest(source);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const sentence = e.error.text as Text;
    expect(e.error.code).toBe("invalid_input");
    return {
      en: en(sentence.key, sentence.values),
      zh: zh(sentence.key, sentence.values),
      field: e.error.fieldErrors?.manifest,
    };
  }
  throw new Error("parsed");
}

describe("parseManifest", () => {
  it("reads the format with defaults, lower-cased ids and end dates as epoch ms", () => {
    const manifest = parseManifest(
      [
        "version: 1",
        "images:",
        `  - id: ${IMAGE}`,
        "    endsAt: 2027-03-01T00:00:00Z",
        "    targets:",
        `      - project: ${PROJECT.toUpperCase()}`,
        `      - organization: "${URN}"`,
        "        endsAt: 2027-01-31T08:00:00+08:00",
        '  - name: "ubuntu-*"',
        "    service: ims",
        "    targets: []",
      ].join("\n"),
    );
    expect(manifest).toEqual({
      version: 1,
      owns: "listed",
      images: [
        {
          id: IMAGE,
          endsAt: Date.UTC(2027, 2, 1),
          targets: [
            { kind: "project", value: PROJECT, memberId: PROJECT },
            { kind: "organization", value: URN, memberId: "ou-partners01", endsAt: Date.UTC(2027, 0, 31) },
          ],
        },
        { name: "ubuntu-*", service: "ims", targets: [] },
      ],
    });
  });

  it("reads JSON, which is YAML too", () => {
    const json = JSON.stringify({
      version: 1,
      owns: "all",
      images: [{ tag: "env=prod", targets: [{ account: PROJECT }] }],
    });
    expect(parseManifest(json)).toMatchObject({
      owns: "all",
      images: [{ tag: "env=prod", targets: [{ kind: "account" }] }],
    });
  });

  it("names the line and column of a YAML syntax error, on the manifest field, in both languages", () => {
    const r = refusal("version: 1\nimages:\n  - id: x\n   targets: [\n");
    expect(r.en).toMatch(/^Line 4, column \d+: this is not valid YAML \([A-Z_]+\)\./);
    expect(r.zh).toMatch(/^第 4 行第 \d+ 列：此处不是有效的 YAML/);
    expect(r.field).toEqual(["manifest.problems.syntax"]);
    expect(refusal("version: 1\nversion: 1\n").en).toBe(
      "Line 2, column 1: this key is given twice in the same mapping.",
    );
  });

  it("refuses an unknown key where it stands, with a hint for a likely typo and no echo of it", () => {
    const target = refusal(`version: 1\nimages:\n  - id: ${IMAGE}\n    target: []\n`);
    expect(target.en).toBe("Line 4, column 5 (images[0].target): unknown key target; did you mean targets?");
    expect(target.zh).toBe("第 4 行第 5 列（images[0].target）：未知的键 target；您是否想写 targets？");
    const projects = refusal(`version: 1\nimages:\n  - id: ${IMAGE}\n    targets:\n      - projects: ${PROJECT}\n`);
    expect(projects.en).toBe(
      "Line 5, column 9 (images[0].targets[0].projects): unknown key projects; did you mean project?",
    );
    expect(refusal(`version: 1\nimages:\n  - id: ${IMAGE}\n    projects: []\n    targets: []\n`).en).toBe(
      "Line 4, column 5 (images[0].projects): unknown key projects; did you mean targets?",
    );
    expect(refusal("version: 1\ncolour: blue\n").en).toBe("Line 2, column 1 (colour): unknown key colour.");
  });

  it("places bad ids and dates on their value and counts the other problems", () => {
    const r = refusal(
      [
        "version: 1",
        "images:",
        `  - id: ${IMAGE}`,
        "    targets:",
        `      - project: ${PROJECT}`,
        "      - project: nothex",
        "      - account: 42",
        "        endsAt: tomorrow",
        "      - organization: organizations::x",
        "  - id: not an id",
        "    targets: []",
      ].join("\n"),
    );
    expect(r.en).toBe(
      "Line 6, column 18 (images[0].targets[1].project): not a project id: 32 hexadecimal characters expected." +
        " 4 more problems, at 7:18 images[0].targets[2].account, 8:17 images[0].targets[2].endsAt," +
        " 9:23 images[0].targets[3].organization, ….",
    );
    expect(r.zh).toMatch(/^第 6 行第 18 列（images\[0\]\.targets\[1\]\.project）：不是项目 ID.*另有 4 处问题/);
  });

  it("refuses an entry with two selectors, or a service on an id, and a target of two kinds", () => {
    expect(refusal(`version: 1\nimages:\n  - id: ${IMAGE}\n    name: x\n    targets: []\n`).en).toBe(
      "Line 3, column 5 (images[0]): an entry selects images by exactly one of id, name or tag.",
    );
    expect(refusal(`version: 1\nimages:\n  - id: ${IMAGE}\n    service: ims\n    targets: []\n`).en).toMatch(
      /^Line 4, column 14 \(images\[0\]\.service\): service only filters name and tag entries/,
    );
    expect(
      refusal(`version: 1\nimages:\n  - tag: env\n    targets:\n      - {project: ${PROJECT}, account: ${PROJECT}}\n`)
        .en,
    ).toBe("Line 5, column 9 (images[0].targets[0]): a target is exactly one of project, account or organization.");
  });

  it("says what is missing or of the wrong shape, and what version and owns take", () => {
    expect(refusal("images: []\n").en).toBe("Line 1, column 1 ($): version is missing.");
    expect(refusal("version: 2\n").en).toBe("Line 1, column 10 (version): version must be 1.");
    expect(refusal("version: 1\nowns: some\n").en).toBe("Line 2, column 7 (owns): owns must be listed or all.");
    expect(refusal("version: 1\nimages: {}\n").en).toBe("Line 2, column 9 (images): a list is expected here.");
    expect(refusal("- version: 1\n").en).toBe("Line 1, column 1 ($): keys and values are expected here.");
    expect(refusal("# nothing\n").en).toBe("The manifest is empty. Start it with version: 1.");
  });

  it("refuses a file over 2 MB before reading it, and too many entries or aliases", () => {
    const big = `version: 1\n# ${"x".repeat(MANIFEST_MAX_BYTES)}\n`;
    expect(refusal(big).en).toMatch(/^The manifest is 2,097,16\d bytes long; at most 2,097,152 bytes \(2 MB\)/);
    const entries = Array.from({ length: 2001 }, () => `  - {tag: a, targets: []}`).join("\n");
    expect(refusal(`version: 1\nimages:\n${entries}\n`).en).toBe(
      "Line 3, column 3 (images): a manifest holds at most 2,000 entries.",
    );
    const aliases = `version: 1\nx: &t [1]\n` + Array.from({ length: 101 }, (_, i) => `a${i}: *t`).join("\n");
    expect(refusal(aliases).en).toBe("Line 103, column 7: too many aliases; a manifest may use at most 100.");
    const laughs =
      "version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
    expect(refusal(laughs).en).toBe("Line 3, column 8: too many aliases; a manifest may use at most 100.");
  });
});
