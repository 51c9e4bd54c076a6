// A bulk accept of 30 pending images through the Incoming page: how many upstream requests it costs
// (target: one batch call per chunk, not one call per image). Needs a build (npm run build).
import { emulatorStats, signInAlice, startConsole, startEmulator } from "./lib";

const IMAGES = 30;
const GLOBEX_AP = "610be0000000000000000000000000a1";
const ACME_AP = "ac0e00000000000000000000000000a1";

const { url: emulatorUrl, child: emulatorProcess } = await startEmulator();
const app = await startConsole(emulatorUrl);
try {
  const control = (path: string, body: unknown) =>
    fetch(`${emulatorUrl}/__emulator${path}`, { method: "POST", body: JSON.stringify(body) });
  for (let i = 1; i <= IMAGES; i++) {
    const id = `610be000-0000-4000-8000-0000000b${String(i).padStart(4, "0")}`;
    await control("/images", { id, name: `inbox-bulk-${String(i).padStart(2, "0")}`, owner: GLOBEX_AP });
    await control("/members", { image_id: id, member_id: ACME_AP });
  }
  const { browser, page } = await signInAlice(app.url, "/incoming?q=inbox-bulk-");
  await page.getByRole("checkbox", { name: "Select every image in this tab" }).check();
  await fetch(`${emulatorUrl}/__emulator/stats`, { method: "DELETE" });
  const started = performance.now();
  await page.getByRole("button", { name: `Accept ${IMAGES} selected` }).click();
  await page.getByText(`Accepted ${IMAGES} images`).waitFor({ timeout: 120_000 });
  const seconds = (performance.now() - started) / 1000;
  const routes = await emulatorStats(emulatorUrl);
  await browser.close();
  const count = (prefix: string) =>
    Object.entries(routes)
      .filter(([k]) => k.startsWith(prefix))
      .reduce((n, [, v]) => n + v, 0);
  const calls = routes["PUT /v1/cloudimages/members"] ?? 0;
  const total = Object.values(routes).reduce((a, b) => a + b, 0);
  console.log(
    `bulk accept of ${IMAGES} images in ${seconds.toFixed(1)} s: ${calls} batch call(s) (chunk size ${process.env.IMS_BATCH_CHUNK_SIZE ?? 50}), ` +
      `${count("GET /v1/{id}/jobs/")} job polls, ${count("GET /v2/images/")} image reads, ${count("GET /v1/{id}/cloudimages/")} member reads; ` +
      `${total} upstream requests in all, including the page's own reloads (target: 1 batch call per chunk, not ${IMAGES})`,
  );
} finally {
  app.stop();
  emulatorProcess.kill();
}
