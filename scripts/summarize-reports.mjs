// Prints the closing line CI reads, "N passed, N failed", from the reports of every test runner.
// A step that failed outside any test runner (type check, lint, build) counts as one failure.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const [, , exitCode = "0"] = process.argv;
let passed = 0;
let failed = 0;
if (existsSync("reports")) {
  for (const file of readdirSync("reports").filter((f) => f.endsWith(".json"))) {
    const report = JSON.parse(readFileSync(`reports/${file}`, "utf8"));
    if (typeof report.numPassedTests === "number") {
      passed += report.numPassedTests;
      failed += report.numFailedTests;
    } else if (report.stats) {
      passed += report.stats.expected + (report.stats.flaky ?? 0);
      failed += report.stats.unexpected;
    }
  }
}
if (exitCode !== "0" && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
