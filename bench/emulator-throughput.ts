// Member-list throughput of the emulator (target: at least 2,000 requests per second on 2 cores).
// The emulator runs in its own process; this process is the load generator, on loopback only.
import { load, login, startEmulator } from "./lib";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = 16;

const { url, child } = await startEmulator();
try {
  const token = await login(url, "alice", "alice-demo-2026", "acme");
  const routes = {
    "v1 member list, 2 members (debian-12-base)":
      "/v1/ac0e00000000000000000000000000a1/cloudimages/1b7f0000-0000-4000-8000-000000000002/members",
    "native member list, 255 members (almost-full)": "/v2/images/1b7f0000-0000-4000-8000-000000000008/members",
  };
  await load(`${url}${Object.values(routes)[0]}`, { "X-Auth-Token": token }, CONCURRENCY, 1);
  for (const [name, path] of Object.entries(routes)) {
    const r = await load(`${url}${path}`, { "X-Auth-Token": token }, CONCURRENCY, SECONDS);
    console.log(
      `${name}: ${Math.round(r.perSecond)} req/s over ${r.seconds.toFixed(1)} s, ` +
        `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.errors} errors (target ≥ 2000 req/s)`,
    );
  }
} finally {
  child.kill();
}
