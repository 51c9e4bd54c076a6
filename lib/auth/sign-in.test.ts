import type { ServerType } from "@hono/node-server";
import { NextRequest } from "next/server.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { serveForConsole } from "@/emulator/testing";
import { createEmulator, type Emulator } from "@/emulator/server";

const BASE = "http://localhost:3000/api/auth";

/** Refused sign-ins through the Auth.js route, as the login form makes them: one log line each, no stack. */
describe("refused sign-ins in the server log", () => {
  let emulator: Emulator;
  let server: ServerType;
  let auth: typeof import("./index");

  beforeAll(async () => {
    emulator = createEmulator({});
    server = await serveForConsole(emulator);
    auth = await import("./index");
  });
  afterAll(() => {
    server.close();
    emulator.close();
  });
  afterEach(() => vi.restoreAllMocks());

  async function post(provider: string, fields: Record<string, string>) {
    const csrf = await auth.handlers.GET(new NextRequest(`${BASE}/csrf`));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const body = new URLSearchParams({ csrfToken, ...fields });
    const headers = { cookie, "content-type": "application/x-www-form-urlencoded" };
    return auth.handlers.POST(new NextRequest(`${BASE}/callback/${provider}`, { method: "POST", body, headers }));
  }

  function logs() {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const lines = () => [...warn.mock.calls, ...error.mock.calls].map((args) => args.map(String).join(" "));
    return { warn, error, lines };
  }

  it("a wrong password: one line naming account, user and the code; no stack, no password", async () => {
    const log = logs();
    const res = await post("iam-password", {
      account: "acme",
      user: "alice",
      password: "not-her-password",
      project: "ap-southeast-1",
    });
    expect(res.headers.get("location")).toContain("code=invalid_credentials");
    expect(log.error).not.toHaveBeenCalled();
    expect(log.lines()).toEqual([
      "sign-in refused: account acme user alice project ap-southeast-1: invalid_credentials",
    ]);
  });

  it("an invalid token: one line with the code and never the token", async () => {
    const log = logs();
    const res = await post("iam-token", { token: "MIIsecret-token-text", project: "ap-southeast-1" });
    expect(res.headers.get("location")).toContain("code=invalid_token");
    expect(log.error).not.toHaveBeenCalled();
    expect(log.lines()).toEqual(["sign-in refused: token method project ap-southeast-1: invalid_token"]);
    expect(log.lines().join("\n")).not.toContain("MIIsecret");
  });
});
