// How many upstream round trips the overview (/) waits for (target: at most 3 calls' worth, as the
// Images list). Runs the emulator and `next start` (build first: npm run build), signs in with Chromium,
// then times the whole streamed page, every tile drawn, without and with 50 ms on every cloud call
// (`BENCH_LATENCY_MS` for another figure: the larger it is, the closer the result to the rounds waited).
import { latencyTrips, signInAlice, startConsole, startEmulator } from "./lib";

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
/** The eight tiles and the activity chart. */
const TILES = 9;

const { url: emulatorUrl, child: emulatorProcess } = await startEmulator();
const app = await startConsole(emulatorUrl);
try {
  const { browser, cookie } = await signInAlice(app.url, "/");
  await browser.close();
  const drawn = (html: string) => {
    const ready = (html.match(/data-state="ready"/g) ?? []).length;
    if (ready < TILES) throw new Error(`the overview drew ${ready} of ${TILES} tiles`);
  };
  const { base, slow, trips } = await latencyTrips(emulatorUrl, `${app.url}/`, cookie, drawn, {
    latencyMs: LATENCY_MS,
  });
  console.log(
    `/ (overview, ${TILES} tiles): ${base.toFixed(0)} ms median without latency, ` +
      `${slow.toFixed(0)} ms with ${LATENCY_MS} ms per cloud call: ${trips.toFixed(2)} calls' worth of waiting (target ≤ 3)`,
  );
} finally {
  app.stop();
  emulatorProcess.kill();
}
