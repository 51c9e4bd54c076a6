import { describe, expect, it } from "vitest";
import { eventHash, GENESIS } from "@/lib/audit/chain";
import { eventHash0004 } from "./audit-chain-0004";

const event = {
  id: "old-0",
  occurred_at: 1_000,
  account_id: "a",
  account_name: "acme",
  user_id: "u",
  user_name: "alice",
  project_id: "p",
  project_name: "ap-southeast-1",
  region: "ap-southeast-1",
  action: "share",
  source: "console",
  outcome: "succeeded",
  images: '["i1"]',
  targets: "[]",
  pairs: "[]",
  input: "{}",
  error_code: null,
  error_message: null,
  upstream_request_id: null,
  upstream_job_id: null,
  duration_ms: 0,
  external_id: null,
} as const;

describe("migration 0004's frozen chain", () => {
  it("hashes an event as it always has", () => {
    expect(eventHash0004(event, GENESIS)).toBe("6a9cdb3c1db8ede3b84e60f7e5ad885eb1a58021c94ad1625d7182b4e4ae4e45");
  });

  it("hashes an event as the live chain does, so that the live chain verifies what the migration wrote", () => {
    const prev = eventHash0004(event, GENESIS);
    const next = { ...event, id: "old-1", occurred_at: 1_001, error_code: "IMG.0088", duration_ms: 12 };
    expect(eventHash0004(next, prev)).toBe(eventHash(next, prev));
    expect(eventHash0004({ id: "x" }, prev)).toBe(eventHash({ id: "x" }, prev));
  });
});
