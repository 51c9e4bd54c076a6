import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

import { ISOLATED } from "./test/isolated";

const root = fileURLToPath(new URL(".", import.meta.url));

const EXCLUDE = ["node_modules/**", "e2e/**", ".next/**"];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: `${root}/test/server-only.ts` },
      // next-auth imports `next/server` without the extension Node's ESM resolver needs outside Next.
      { find: /^next\/server$/, replacement: "next/server.js" },
    ],
  },
  test: {
    projects: [
      { extends: true, test: { name: "isolated", include: ISOLATED } },
      {
        extends: true,
        test: {
          name: "shared",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: [...EXCLUDE, ...ISOLATED],
          isolate: false,
        },
      },
    ],
    exclude: EXCLUDE,
    testTimeout: 60_000,
    // Most files wait more than they compute (the openstack CLI, PostgreSQL, the tracker's timers), so more
    // files run at once than the default of one fewer than the cores (one, on CI's two): 107 s instead of
    // 176 s on two busy cores, the same CPU time. Each file has its own databases and emulator ports.
    maxWorkers: 3,
    // Inlined so that the `next/server` alias above applies inside next-auth.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    env: {
      AUTH_SECRET: "unit-test-secret-unit-test-secret-unit-test",
      DATABASE_URL: "file:data/unit.db",
    },
    reporters: ["default", ["json", { outputFile: "reports/unit.json" }]],
  },
});
