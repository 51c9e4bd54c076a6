import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Test files that run each in a fresh module graph: those that point the console's cloud client at an
 * emulator of their own (lib/env is read once per graph), change `process.env`, or mock modules. Every
 * other file shares its worker's modules with the files before it (`isolate: false`), which cut the unit
 * tests from 135 s to about 40 s on CI's two cores, most of it importing the same modules again.
 * A new test file that does any of those belongs here.
 */
const ISOLATED = [
  "app/(console)/settings/tokens/_components/token-list.test.tsx",
  "app/(console)/settings/tokens/actions.test.ts",
  "app/api/batches/[id]/route.test.ts",
  "app/api/incoming/count/route.test.ts",
  "app/api/v1/routes.test.ts",
  "lib/actions/action.test.ts",
  "lib/actions/intents.test.ts",
  "lib/api/route.test.ts",
  "lib/audit/cts-import.test.ts",
  "lib/audit/cts-schedule.test.ts",
  "lib/auth/sign-in.test.ts",
  "lib/auth/switch-project.test.ts",
  "lib/batches/launch.test.ts",
  "lib/batches/live.test.ts",
  "lib/batches/tokens.test.ts",
  "lib/batches/tracker.test.ts",
  "lib/cloud/cph-shared.test.ts",
  "lib/cloud/cph.test.ts",
  "lib/cloud/cts.test.ts",
  "lib/cloud/organizations.test.ts",
  "lib/cloud/request.test.ts",
  "lib/cloud/smn.test.ts",
  "lib/delivery/deliverer.test.ts",
  "lib/delivery/incoming.test.ts",
  "lib/http.test.ts",
  "lib/leases/scheduler.test.ts",
  "lib/manifest/apply.test.ts",
  "lib/manifest/world.test.ts",
  "lib/sharing/domain.test.ts",
  "lib/sharing/recipient.test.ts",
  "lib/sharing/remove.test.ts",
];

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
