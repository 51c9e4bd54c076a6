import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { countWaiting, createRequest, decideRequest, getRequest, listRequests, pendingFor } from "./approvals";

const ACME = "ac0e0000000000000000000000000001";
const HOUR = 3_600_000;
const request = (by: string, ttlMs = HOUR) => ({
  accountId: ACME,
  projectId: "p1",
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
  requestedById: by,
  requestedByName: by,
  reason: "proof of concept",
  plan: {
    input: { imageIds: ["img-1"], targets: "0b1e00000000000000000000000000a1", kind: "project" as const },
    pairs: [
      { image: "img-1", imageName: "debian", target: "0b1e00000000000000000000000000a1", verdict: "approval" as const },
    ],
  },
  ttlMs,
});

describe.each(backends)("approval requests on $name", (backend) => {
  let db: Kysely<Database>;
  onMigratedDatabase(backend, (opened) => (db = opened));

  it("keeps the plan as asked, counts what waits for others, and is decided once", async () => {
    const id = await createRequest(db, request("alice"), 1_000);
    expect(await getRequest(db, ACME, id, 2_000)).toMatchObject({
      status: "pending",
      expiresAt: 1_000 + HOUR,
      plan: { pairs: [{ image: "img-1", verdict: "approval" }] },
    });
    expect(await getRequest(db, "another-account", id, 2_000)).toBeUndefined();
    expect(await countWaiting(db, ACME, "arthur", 2_000)).toBe(1);
    expect(await countWaiting(db, ACME, "alice", 2_000)).toBe(0);
    const decide = (status: "approved" | "declined", byName: string) =>
      decideRequest(db, { accountId: ACME, id, status, byId: byName, byName, note: null }, 3_000);
    expect(await decide("approved", "arthur")).toBe(true);
    expect(await decide("declined", "bruno")).toBe(false);
    // The batch that carries it out links itself (lib/batches/store.ts createBatch).
    await db.updateTable("approval_requests").set({ batch_id: "batch-1" }).where("id", "=", id).execute();
    expect(await getRequest(db, ACME, id, 4_000)).toMatchObject({
      status: "approved",
      decidedByName: "arthur",
      decidedAt: 3_000,
      batchId: "batch-1",
    });
    expect(await countWaiting(db, ACME, "arthur", 4_000)).toBe(0);
  });

  it("reads a request past its time as expired, which no one can decide any more", async () => {
    const id = await createRequest(db, request("alice", 10), 5_000);
    expect((await listRequests(db, ACME, 5_005)).find((r) => r.id === id)?.status).toBe("pending");
    expect((await listRequests(db, ACME, 5_010)).find((r) => r.id === id)?.status).toBe("expired");
    expect(
      await decideRequest(
        db,
        { accountId: ACME, id, status: "approved", byId: "arthur", byName: "arthur", note: null },
        5_010,
      ),
    ).toBe(false);
    expect(await countWaiting(db, ACME, "arthur", 5_010)).toBe(0);
  });

  it("splits the pending requests into those waiting for a user and the user's own, as the navigation counts", async () => {
    const GLOBEX = "61be0000000000000000000000000001";
    const ask = (by: string, ttlMs = HOUR) => createRequest(db, { ...request(by, ttlMs), accountId: GLOBEX }, 10_000);
    const fromAlice = await ask("alice");
    const fromBruno = await ask("bruno");
    const fromArthur = await ask("arthur");
    await ask("alice", 10);
    const decided = await ask("bruno");
    await decideRequest(
      db,
      { accountId: GLOBEX, id: decided, status: "declined", byId: "arthur", byName: "arthur", note: null },
      10_001,
    );
    const requests = await listRequests(db, GLOBEX, 20_000);
    const { waiting, yours } = pendingFor(requests, "arthur");
    expect(waiting.map((r) => r.id).sort()).toEqual([fromAlice, fromBruno].sort());
    expect(yours.map((r) => r.id)).toEqual([fromArthur]);
    expect(waiting).toHaveLength(await countWaiting(db, GLOBEX, "arthur", 20_000));
    expect(pendingFor(requests, "alice").yours.map((r) => r.id)).toEqual([fromAlice]);
  });
});
