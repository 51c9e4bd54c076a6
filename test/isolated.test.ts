import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ISOLATED, NEEDS_ISOLATION } from "./isolated";

const ROOT = join(__dirname, "..");
const SKIP = new Set(["node_modules", ".next", "e2e", ".git", "data", "reports", "test-results"]);

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

/**
 * Most unit test files share their worker's modules (vitest.config.ts): one that points the cloud client
 * at an emulator, changes process.env or mocks a module would leak into the files after it, so it must
 * be listed in ISOLATED.
 */
describe("vitest's isolated files", () => {
  const files = testFiles(ROOT);

  it("list every test file that starts an emulator for the cloud client, changes process.env or mocks modules", () => {
    const needing = files.filter(
      (f) => f !== "test/isolated.test.ts" && NEEDS_ISOLATION.test(readFileSync(join(ROOT, f), "utf8")),
    );
    expect(needing.length).toBeGreaterThan(10);
    expect(needing.filter((f) => !ISOLATED.includes(f))).toEqual([]);
  });

  it("name only test files that exist", () => {
    expect(ISOLATED.filter((f) => !files.includes(f))).toEqual([]);
  });
});
