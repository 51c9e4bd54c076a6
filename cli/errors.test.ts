import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeConsole, runCli, TOKEN, type Answer } from "./testing";

const refusal = (status: number, code: string, message: string): Answer => ({
  status,
  body: { error: { code, message } },
});

describe("imshare's errors", () => {
  let api: Awaited<ReturnType<typeof fakeConsole>>;
  let answer: Answer;

  beforeAll(async () => {
    api = await fakeConsole({ "GET /api/v1/me": () => answer, "GET /api/v1/manifest/export": () => answer });
  });
  afterAll(() => api.close());

  it("refuses to run without a token, saying where to create one, and calls nothing", async () => {
    const result = await runCli(["whoami"], { url: api.url, env: { IMSHARE_TOKEN: undefined } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Settings → API tokens");
    expect(result.stderr).toContain("IMSHARE_TOKEN");
    expect(api.received).toEqual([]);
  });

  it("passes on the console's 401 sentence, with what to do for a bad token and for an ended session", async () => {
    answer = refusal(401, "invalid_token", "This API token was revoked on 2026-12-01.");
    const revoked = await runCli(["whoami"], { url: api.url });
    expect(revoked).toMatchObject({ code: 1 });
    expect(revoked.stderr).toBe(
      `Error: This API token was revoked on 2026-12-01.\n  Create a token in the console (${api.url}): Settings → API tokens.\n`,
    );
    answer = refusal(401, "session_expired", "Sign in to the console again: alice has no live session.");
    const ended = await runCli(["whoami"], { url: api.url });
    expect(ended.stderr).toContain("Error: Sign in to the console again: alice has no live session.\n");
    expect(ended.stderr).toContain("sign in to the console again");
  });

  it("says on a 403 that the token or user may only read", async () => {
    answer = refusal(403, "forbidden", "This token can only read.");
    const result = await runCli(["export"], { url: api.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Error: This token can only read.\n");
    expect(result.stderr).toContain("apply needs a write token");
  });

  it("says the console is not reachable at the URL when nothing listens there", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const result = await runCli(["whoami"], { url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the console is not reachable at ${url} (ECONNREFUSED)`);
    expect(result.stderr).toContain("npm start");
  });

  it("says when the URL answers but is not the API", async () => {
    answer = { status: 502, body: "<html>Bad gateway</html>" };
    const result = await runCli(["whoami"], { url: api.url });
    expect(result.stderr).toContain("answered HTTP 502");
    expect(result.stderr).toContain("an Imshare console with the HTTP API");
  });

  it("never prints the token, even when the console or the command line repeats it", async () => {
    answer = refusal(401, "invalid_token", `Unknown token ${TOKEN}.`);
    const outputs = await Promise.all([
      runCli(["whoami"], { url: api.url }),
      runCli(["whoami", "--token", TOKEN], { url: api.url, env: { IMSHARE_TOKEN: undefined } }),
      runCli(["whoami", TOKEN], { url: api.url }),
      runCli(["whoami"], { url: "http://127.0.0.1:1" }),
    ]);
    expect(outputs[0].stderr).toContain("Unknown token imsh_….");
    for (const { stdout, stderr } of outputs) expect(stdout + stderr).not.toContain(TOKEN.slice(5));
  });

  it("names a command or option it does not know, and points at --help", async () => {
    expect(await runCli(["sync"])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Unknown command "sync"'),
    });
    const stray = await runCli(["export", "--yes"]);
    expect(stray.stderr).toContain("--yes means nothing to export.");
    expect(stray.stderr).toContain("imshare --help");
    expect(await runCli(["--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: imshare") });
  });
});
