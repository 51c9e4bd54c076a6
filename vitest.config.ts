import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    testTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "reports/unit.json" }]],
  },
});
