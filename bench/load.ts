// Load: 50 simulated admins (five demo users, signed in over HTTP as a browser without JavaScript
// would) browse images, an image's members, the inbox, batches and history while 5 batches run,
// for three rounds of LOAD_SECONDS each. Prints p50/p95 per page, errors, and the console's
// resident memory after each round (it should hold steady from one round to the next).
import { execSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { percentile, printTable, startConsole, startEmulator } from "./lib";

const ADMINS = Number(process.env.LOAD_ADMINS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 3);
const USERS = [
  { account: "acme", user: "alice", password: "alice-demo-2026", weight: 20 },
  { account: "acme", user: "audrey", password: "audrey-demo-2026", weight: 5 },
  { account: "globex", user: "bob", password: "bob-demo-2026", weight: 10 },
  { account: "initech", user: "carol", password: "carol-demo-2026", weight: 10 },
  { account: "umbrella", user: "dave", password: "dave-demo-2026", weight: 5 },
];

if (!existsSync(".next/BUILD_ID")) {
  console.log("load: skipped (build the console first: npm run build)");
  process.exit(0);
}

/** Signs in through the sign-in form's server action, as a browser without JavaScript posts it; returns the cookie header. */
async function signIn(url: string, who: (typeof USERS)[number]): Promise<string> {
  const page = await (await fetch(`${url}/login`)).text();
  // The password form's own hidden fields (the token form has its own).
  const start = page.indexOf('data-sign-in="password"');
  const html = page.slice(start, page.indexOf("</form>", start));
  const form = new FormData();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
    form.append(m[1], (m[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
  }
  for (const [k, v] of Object.entries({
    method: "password",
    account: who.account,
    user: who.user,
    password: who.password,
    project: "ap-southeast-1",
  }))
    form.set(k, v);
  const res = await fetch(`${url}/login`, { method: "POST", body: form, headers: { Origin: url }, redirect: "manual" });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie.includes("authjs.session-token")) throw new Error(`sign-in of ${who.user} failed: ${res.status}`);
  return cookie;
}

function rssOf(pid: number): number {
  // The console runs as `npx next start` and its children, in one process group.
  const out = execSync(`ps -o rss= -g ${pid}`).toString();
  return (
    out
      .split(/\s+/)
      .filter(Boolean)
      .reduce((n, kb) => n + Number(kb), 0) / 1024
  );
}

const emulator = await startEmulator();
const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "imshare-load-")), "load.db")}`;
// LOAD_HEAP_MB caps the console's V8 heap: steady memory under a cap (and no errors) tells lazy
// garbage collection from a leak, which would end in an out-of-memory crash.
const heap: Record<string, string> = process.env.LOAD_HEAP_MB
  ? { NODE_OPTIONS: `--max-old-space-size=${process.env.LOAD_HEAP_MB}` }
  : {};
const consoleProcess = await startConsole(emulator.url, {
  DATABASE_URL: databaseUrl,
  IMS_BATCH_CHUNK_SIZE: "5",
  BATCH_POLL_MS: "500",
  ...heap,
});
try {
  await fetch(`${emulator.url}/__emulator/config`, {
    method: "PUT",
    body: JSON.stringify({ jobTiming: { initMs: 300, itemMs: 120, maxRunMs: 0 } }),
  });
  const admins = await Promise.all(
    Array.from({ length: ADMINS }, async (_, i) => {
      let pick = i % USERS.reduce((n, u) => n + u.weight, 0);
      const who = USERS.find((u) => (pick -= u.weight) < 0) ?? USERS[0];
      return { who, cookie: await signIn(consoleProcess.url, who) };
    }),
  );

  // Five batches of alice's: 40 images × 3 projects each, as the console records them.
  process.env.DATABASE_URL = databaseUrl;
  const { openDatabase } = await import("../lib/db/connect");
  const { createBatch } = await import("../lib/batches/store");
  const db = await openDatabase(databaseUrl);
  const projects = [
    "610be0000000000000000000000000a1",
    "1417ec000000000000000000000000a1",
    "0b1e00000000000000000000000000a1",
  ];
  const batchIds: string[] = [];
  for (let b = 0; b < 5; b++) {
    const images = Array.from({ length: 40 }, (_, i) => ({
      id: `1b7f0000-0000-4000-8000-${(101 + i).toString().padStart(12, "0")}`,
      name: `app-${i + 1}`,
      service: "ims" as const,
    }));
    const targets = projects.map((p) => ({ kind: "project" as const, value: p, memberId: p }));
    batchIds.push(
      await createBatch(db, {
        actor: {
          userId: "ac0e0000000000000000000000000e01",
          userName: "alice",
          accountId: "ac0e0000000000000000000000000001",
          accountName: "acme",
          projectId: "ac0e00000000000000000000000000a1",
          projectName: "ap-southeast-1",
          region: "ap-southeast-1",
        },
        operation: b % 2 ? "unshare" : "share",
        images,
        targets,
        pairs: images.flatMap((_, image) =>
          targets.map((_, target) => ({ image, target, status: "waiting" as const })),
        ),
      }),
    );
  }

  const pages = (who: string) => [
    ["images", "/images"],
    ["image members", who === "alice" || who === "audrey" ? "/images/1b7f0000-0000-4000-8000-000000000002" : "/images"],
    ["incoming", "/incoming"],
    ["batches", "/batches"],
    ["batch", who === "alice" || who === "audrey" ? `/batches/${batchIds[0]}` : "/batches"],
    ["history", "/history"],
  ];
  const rounds: [string, string | number][] = [];
  const allTimes = new Map<string, number[]>();
  let errors = 0;
  let requests = 0;
  rounds.push(["console memory before the first round (MB)", rssOf(consoleProcess.pid).toFixed(0)]);
  for (let round = 1; round <= ROUNDS; round++) {
    const end = Date.now() + SECONDS * 1000;
    await Promise.all(
      admins.map(async ({ who, cookie }, i) => {
        let n = i;
        while (Date.now() < end) {
          const [name, path] = pages(who.user)[n++ % 6];
          const started = performance.now();
          const res = await fetch(`${consoleProcess.url}${path}`, {
            headers: { Cookie: cookie },
            redirect: "manual",
          }).catch(() => undefined);
          await res?.arrayBuffer().catch(() => undefined);
          const ms = performance.now() - started;
          requests++;
          if (!res || res.status !== 200) errors++;
          const list = allTimes.get(name);
          if (list) list.push(ms);
          else allTimes.set(name, [ms]);
        }
      }),
    );
    rounds.push([`console memory after round ${round} (MB)`, rssOf(consoleProcess.pid).toFixed(0)]);
  }
  const open = await db
    .selectFrom("batch_pairs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", ["waiting", "sending", "running"])
    .executeTakeFirst();
  await db.destroy();

  printTable(
    `load: ${ADMINS} admins × ${ROUNDS} rounds of ${SECONDS} s, 5 batches of 120 pairs running${process.env.LOAD_HEAP_MB ? `, heap capped at ${process.env.LOAD_HEAP_MB} MB` : ""}`,
    [
      ["requests", requests],
      ["errors (non-200 or no answer)", errors],
      ...[...allTimes].map(([name, t]): [string, string] => [
        `${name}: p50 / p95`,
        `${percentile(t, 0.5).toFixed(0)} ms / ${percentile(t, 0.95).toFixed(0)} ms`,
      ]),
      ["all pages: p95", `${percentile([...allTimes.values()].flat(), 0.95).toFixed(0)} ms`],
      ...rounds,
      ["batch pairs still open at the end", Number(open?.n ?? 0)],
    ],
  );
  if (errors) process.exitCode = 1;
} finally {
  consoleProcess.stop();
  emulator.child.kill();
}
