// How many upstream round trips the /images page waits for (target: member counts of 40 images in
// under 3 times one call's latency). Runs the emulator and `next start` (build first: npm run build),
// signs in with Chromium, then times the whole streamed page without and with 50 ms on every cloud call.
import { latencyTrips, signInAlice, startConsole, startEmulator } from "./lib";

const LATENCY_MS = 50;

const { url: emulatorUrl, child: emulatorProcess } = await startEmulator();
const app = await startConsole(emulatorUrl);
try {
  const { browser, cookie } = await signInAlice(app.url);
  await browser.close();
  const { base, slow, trips } = await latencyTrips(emulatorUrl, `${app.url}/images?q=app-&limit=50`, cookie, (html) => {
    if ((html.match(/role="meter"/g) ?? []).length < 40) throw new Error("the page did not show 40 member counts");
  });
  console.log(
    `/images with 40 images and their member counts: ${base.toFixed(0)} ms median without latency, ` +
      `${slow.toFixed(0)} ms with ${LATENCY_MS} ms per cloud call: ${trips.toFixed(2)} calls' worth of waiting (target < 3)`,
  );
} finally {
  app.stop();
  emulatorProcess.kill();
}
