import { expect } from "vitest";

/** Demo-world CPH images (../shared/demo-world.md). */
export const GAME = "ac0e0000000000000000000000c9a001";
export const BASE = "ac0e0000000000000000000000c9a002";
export const AT_LIMIT = "ac0e0000000000000000000000c9a003";
export const GLOBEX_IMAGE = "610be000000000000000000000c9a001";

/** A CPH error: the flat `{request_id, error_code, error_msg}` body with a 32-hex request id. */
export function expectCphError(res: { status: number; body: unknown }, status: number, code: string, message?: RegExp) {
  const body = res.body as Record<string, string>;
  expect(res.status).toBe(status);
  expect(Object.keys(body).sort()).toEqual(["error_code", "error_msg", "request_id"]);
  expect(body.error_code).toBe(code);
  expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
  if (message) expect(body.error_msg).toMatch(message);
}
