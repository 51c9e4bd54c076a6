// Writes RELIABILITY.md from the test reports (reports/unit.json, reports/e2e.json): each fault,
// crash and attack the tests try, how many times, and what was lost. A scenario counts a test run
// once, or the number of cases the test says it tried (a Playwright annotation `tried`, or
// `meta.tried` in Vitest). "Lost" is "nothing" only when every test of the scenario passed.
// Usage: node scripts/reliability.mjs [reports-dir] [output]
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const dir = process.argv[2] ?? "reports";
const out = process.argv[3] ?? "RELIABILITY.md";

/** [kind, what was tried, what must not be lost, test matchers ("file" or "file › title part")] */
const SCENARIOS = [
  [
    "fault",
    "1 read in 5 answers 500 or 503 while browsing, sharing, accepting and running a batch",
    "a share, an accept, a batch pair, an audit event",
    ["faults.spec.ts › one read in five", "request.test.ts › 503"],
  ],
  ["fault", "429 with Retry-After", "a read, a change", ["faults.spec.ts › throttling", "request.test.ts › 429"]],
  ["fault", "2 s latency on every call", "a read, a change", ["faults.spec.ts › every call takes 2 s"]],
  [
    "fault",
    "a read that never answers (timeout)",
    "a page",
    ["faults.spec.ts › never answers", "request.test.ts › time"],
  ],
  [
    "fault",
    "reads that keep failing (error page, Try again)",
    "the page once the cloud is back",
    ["faults.spec.ts › keep failing"],
  ],
  [
    "fault",
    "a change answered 503 (not applied)",
    "the failure's audit event; no half-done state",
    ["images.spec.ts › injected 503", "phones.spec.ts › 503", "incoming-phones.spec.ts › 503"],
  ],
  [
    "fault",
    "a change whose answer is lost (applied, then 504)",
    "the change's real outcome; no second send",
    ["images.spec.ts › answer is lost", "tracker.test.ts › answer was lost"],
  ],
  ["fault", "an IMS job stuck in RUNNING", "each pair's outcome", ["faults.spec.ts › stuck"]],
  [
    "fault",
    "an IMS job failing for chosen pairs",
    "each pair's outcome; retry of the failed pair only",
    ["batches.spec.ts › one pair made to fail", "tracker.test.ts › one pair made to fail"],
  ],
  [
    "fault",
    "the launcher's token expires mid-batch",
    "the batch (it waits, then resumes)",
    ["tracker.test.ts › waits for a sign-in"],
  ],
  [
    "crash",
    "kill -9 of the console in the middle of a share",
    "the share's audit event with its real outcome",
    ["batches-instances.spec.ts › killed in the middle of a share"],
  ],
  [
    "crash",
    "kill -9 and restart in the middle of a batch",
    "each pair's outcome; no blind resend",
    ["batches-instances.spec.ts › restarted in the middle of a batch"],
  ],
  [
    "scale-out",
    "two consoles on one PostgreSQL, the batch's holder killed",
    "each job polled by one instance at a time; every pair; sessions on both",
    ["batches-instances.spec.ts › two consoles", "tracker.test.ts › two trackers"],
  ],
  [
    "attack",
    "malformed, oversized and hostile input to every server action and route",
    "no 5xx, no upstream call with invalid data",
    ["fuzz.spec.ts", "fuzz-parts.ts", "fuzz-api.spec.ts", "bad-input.test.ts"],
  ],
  ["attack", "hostile names from the cloud rendered in every page", "no script runs", ["hostile-names.spec.ts"]],
  [
    "attack",
    "another account's ids (images, batches, events, exports)",
    "no data of another account; 404 like a missing id",
    ["isolation.spec.ts", "batch-pages.spec.ts › another account", "history.spec.ts › bob"],
  ],
  [
    "attack",
    "a server action posted from another origin",
    "no session, no change",
    ["security.spec.ts › another origin"],
  ],
  [
    "attack",
    "password guessing",
    "further attempts refused per user and per address",
    ["security.spec.ts › rate-limited", "throttle.test.ts"],
  ],
  [
    "attack",
    "an audit row altered, removed or inserted in the database",
    "the break is named by verify",
    ["chain.test.ts › altered", "chain.test.ts › removed", "chain.test.ts › refuses UPDATE"],
  ],
  [
    "attack",
    "looking for the IAM token in responses, cookies, the session endpoint and the console's logs",
    "the token stays on the server, out of the logs",
    ["auth.spec.ts › token", "batches-instances.spec.ts › killed in the middle of a share"],
  ],
];

function e2eRuns() {
  const file = `${dir}/e2e.json`;
  if (!existsSync(file)) return [];
  const runs = [];
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        for (const r of t.results ?? []) {
          // Playwright reports a result's annotations on the result and again on the test: count them once.
          const notes = r.annotations?.length ? r.annotations : (t.annotations ?? []);
          const tried = notes.filter((a) => a.type === "tried").reduce((n, a) => n + Number(a.description), 0);
          runs.push({
            name: `${(spec.file ?? file).split("/").pop()} › ${spec.title}`,
            ok: r.status === "passed",
            tried: tried || 1,
          });
        }
      }
    }
    for (const s of suite.suites ?? []) walk(s, suite.file ?? file);
  };
  for (const s of JSON.parse(readFileSync(file, "utf8")).suites ?? []) walk(s, s.file);
  return runs;
}

function unitRuns() {
  const file = `${dir}/unit.json`;
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, "utf8")).testResults.flatMap((f) =>
    f.assertionResults.map((a) => ({
      name: `${f.name.split("/").pop()} › ${a.fullName}`,
      ok: a.status === "passed",
      tried: Number(a.meta?.tried ?? 1),
    })),
  );
}

const runs = [...unitRuns(), ...e2eRuns()];
const rows = SCENARIOS.map(([kind, what, guarded, matchers]) => {
  const matched = runs.filter((r) =>
    matchers.some((m) => {
      const [file, part] = m.split(" › ");
      return r.name.startsWith(`${file} › `) && (!part || r.name.toLowerCase().includes(part.toLowerCase()));
    }),
  );
  const failed = matched.filter((r) => !r.ok);
  const tried = matched.reduce((n, r) => n + r.tried, 0);
  const lost =
    matched.length === 0 ? "not run" : failed.length ? `FAILED: ${failed.map((f) => f.name).join("; ")}` : "nothing";
  return { kind, what, guarded, tests: matched.length, tried, lost };
});

const lines = [
  "# Reliability",
  "",
  "Generated by `node scripts/reliability.mjs` from the last test run's reports (`reports/unit.json`,",
  "`reports/e2e.json`); `npm test` writes it. Each row is a fault, crash or attack the tests inflict on",
  "the console and the emulator, how many tests and cases tried it, and what was lost. The target is",
  "nothing.",
  "",
  `Tests in the run: ${runs.length} (${runs.filter((r) => r.ok).length} passed).`,
  "",
  "| kind | what was tried | must not be lost | tests | cases tried | lost |",
  "|---|---|---|---:|---:|---|",
  ...rows.map((r) => `| ${r.kind} | ${r.what} | ${r.guarded} | ${r.tests} | ${r.tried} | ${r.lost} |`),
  "",
];
writeFileSync(out, lines.join("\n"));
const bad = rows.filter((r) => r.lost !== "nothing");
console.log(
  `${out}: ${rows.length} scenarios, ${bad.length ? `${bad.length} not clean: ${bad.map((r) => r.what).join("; ")}` : "nothing lost"}`,
);
