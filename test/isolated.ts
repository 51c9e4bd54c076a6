/**
 * Test files that run each in a fresh module graph: those that point the console's cloud client at an
 * emulator of their own (lib/env is read once per graph), change `process.env`, or mock modules. Every
 * other file shares its worker's modules with the files before it (`isolate: false`), which cut the unit
 * tests from 135 s to about 60 s on CI's two cores, most of it importing the same modules again.
 * A new test file that does any of those belongs here.
 */
export const ISOLATED = [
  "app/(console)/settings/tokens/_components/token-list.test.tsx",
  "app/(console)/settings/tokens/actions.test.ts",
  "app/api/batches/[id]/route.test.ts",
  "app/api/v1/entrusted-keys.test.ts",
  "app/api/v1/key-batches.test.ts",
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
  "lib/cloud/credential.test.ts",
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

/** What makes a test file need a module graph of its own (test/isolated.test.ts looks for it). */
export const NEEDS_ISOLATION =
  /emulatorPlaying|serveForConsole|startEmulator\(|vi\.mock\(|vi\.stubEnv|process\.env\.[A-Z_]+ ?=[^=]|delete process\.env/;
