// How many upstream round trips the overview (/) waits for (target: at most 3 calls' worth, as the
// Images list). Runs the emulator and `next start` (build first: npm run build), signs in with Chromium,
// then times the whole streamed page, every tile drawn, without and with 50 ms on every cloud call.
import { signInAlice, startConsole, startEmulator } from "./lib";

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const RUNS = 15;
/** The eight tiles and the activity chart. */
const TILES = 9;

const { url: emulatorUrl, child: emulatorProcess } = await startEmulator();
const app = await startConsole(emulatorUrl);
try {
  const { browser, cookie } = await signInAlice(app.url);
  await browser.close();
  const time = async () => {
    const started = performance.now();
    const html = await (await fetch(`${app.url}/`, { headers: { cookie } })).text();
    const drawn = (html.match(/data-state="ready"/g) ?? []).length;
    if (drawn < TILES) throw new Error(`the overview drew ${drawn} of ${TILES} tiles`);
    return performance.now() - started;
  };
  const median = async () => {
    const t: number[] = [];
    for (let i = 0; i < RUNS; i++) t.push(await time());
    return t.sort((a, b) => a - b)[Math.floor(t.length / 2)];
  };
  await time();
  const base = await median();
  await fetch(`${emulatorUrl}/__emulator/faults/routes`, {
    method: "POST",
    body: JSON.stringify({ path: "/**", latencyMs: LATENCY_MS }),
  });
  const slow = await median();
  const trips = (slow - base) / LATENCY_MS;
  console.log(
    `/ (overview, ${TILES} tiles): ${base.toFixed(0)} ms median without latency, ` +
      `${slow.toFixed(0)} ms with ${LATENCY_MS} ms per cloud call: ${trips.toFixed(2)} calls' worth of waiting (target ≤ 3)`,
  );
} finally {
  app.stop();
  emulatorProcess.kill();
}
