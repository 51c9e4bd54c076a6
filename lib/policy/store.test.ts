import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { writeAuditEvent } from "@/lib/audit/writer";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { NO_POLICY } from "./policy";
import { readPolicy, savePolicy, sharedBefore } from "./store";

const ACME = "ac0e0000000000000000000000000001";
const PROJECT = "ac0e00000000000000000000000000a1";
const GLOBEX_PROJECT = "610be0000000000000000000000000a1";
const INITECH_PROJECT = "1417ec000000000000000000000000a1";
const UBUNTU = "1b7f0000-0000-4000-8000-000000000001";
const DEBIAN = "1b7f0000-0000-4000-8000-000000000002";

describe.each(backends)("sharing policy store on $name", (backend) => {
  let db: Kysely<Database>;
  onMigratedDatabase(backend, (opened) => (db = opened));

  it("has no policy until one is written, then the latest, and gives back the one it replaced", async () => {
    expect(await readPolicy(db, ACME)).toEqual({ policy: NO_POLICY });
    const first = { ...NO_POLICY, mode: "audit" as const, otherwise: "approve" as const };
    expect(await savePolicy(db, ACME, first, "alice", 10)).toEqual(NO_POLICY);
    const second = { ...first, mode: "enforce" as const, lockedNames: ["golden-*"] };
    expect(await savePolicy(db, ACME, second, "arthur", 20)).toEqual(first);
    expect(await readPolicy(db, ACME)).toEqual({ policy: second, updatedBy: "arthur", updatedAt: 20 });
    expect(await readPolicy(db, "another-account")).toEqual({ policy: NO_POLICY });
  });

  it("knows which targets and images the project shared before, from shares that did not wholly fail", async () => {
    const actor = {
      userId: "u1",
      userName: "alice",
      accountId: ACME,
      accountName: "acme",
      projectId: PROJECT,
      projectName: "ap-southeast-1",
      region: "ap-southeast-1",
    };
    await writeAuditEvent(db, {
      actor,
      action: "share",
      outcome: "succeeded",
      images: [UBUNTU],
      targets: [GLOBEX_PROJECT],
      durationMs: 1,
    });
    await writeAuditEvent(db, {
      actor,
      action: "share",
      outcome: "failed",
      images: [DEBIAN],
      targets: [INITECH_PROJECT],
      durationMs: 1,
    });
    const known = await sharedBefore(
      db,
      { accountId: ACME, projectId: PROJECT },
      { targets: [GLOBEX_PROJECT, INITECH_PROJECT], images: [UBUNTU, DEBIAN] },
    );
    expect(known).toEqual({ targets: new Set([GLOBEX_PROJECT]), images: new Set([UBUNTU]) });
    const elsewhere = await sharedBefore(
      db,
      { accountId: ACME, projectId: "another-project" },
      { targets: [GLOBEX_PROJECT], images: [] },
    );
    expect(elsewhere.targets.size).toBe(0);
  });
});
