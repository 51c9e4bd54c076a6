import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO, DEMO_IMAGES, DEMO_PHONES } from "@/emulator/seed/demo";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import type { StoredSession } from "@/lib/auth/session-store";
import { emulatorPlaying, READINGS } from "@/lib/cloud/testing";
import { SQLITE } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { textIn } from "@/lib/localize/testing";
import { setLeases } from "@/lib/sharing/leases";
import { parseManifest } from "./parse";
import { planManifest } from "./plan";

const mocks = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/db", () => ({ getDb: async () => mocks.db }));

let db: Kysely<Database>;
onMigratedDatabase(SQLITE, (opened) => {
  db = opened;
  mocks.db = opened;
});

const MEMBERS_READ = "GET /v1/{id}/cloudimages/{id}/members";
const PHONE_MEMBERS_READ = "GET /v1/{id}/cloud-phone/images/{id}/members";
const OU_URN = `organizations::${DEMO.acme}:ou:${DEMO.org}/${DEMO.orgUnit}`;

/**
 * The manifest's server side against the emulator, under both readings of every disputed row: the world
 * a plan is decided from, the file's project and region, and an export that plans back to nothing to do.
 */
describe.each(READINGS)("the manifest against the cloud, disputed rows read as %s", (reading) => {
  const emulator = emulatorPlaying(reading);
  let world: typeof import("./world");
  let exporter: typeof import("./export");
  let ctx: { session: StoredSession; scope: { token: string; region: string; projectId: string } };

  beforeAll(async () => {
    [world, exporter] = await Promise.all([import("./world"), import("./export")]);
  });
  beforeEach(async () => {
    emulator().reset();
    await db.deleteFrom("share_leases").execute();
    const token = await emulator().login("alice");
    const session = { ...ALICE_ACTOR, id: "s", roles: [], token, tokenExpiresAt: Date.now() + 3_600_000 };
    ctx = { session, scope: { token, region: "ap-southeast-1", projectId: DEMO.acmeAp } };
  });

  it("reads the own images of both services, tags included, and the members of the owned ones only, once each", async () => {
    emulator().emu.world.images.get(DEMO_IMAGES.debian)!.tags = ["env.prod"];
    const manifest = parseManifest(
      [
        "version: 1",
        "images:",
        "  - {tag: env=prod, targets: []}",
        "  - {name: 'cph-*', service: cph, targets: []}",
      ].join("\n"),
    );
    emulator().stats.reset();
    const loaded = await world.loadManifestWorld(manifest, ctx);
    const names = loaded.images.map((i) => i.facts.name);
    expect(names).toEqual(expect.arrayContaining(["ubuntu-22.04-web", "app-40", "cph-android11-game", "cph-at-limit"]));
    expect(names).not.toContain("globex-ci-runner");
    const read = loaded.images.filter((i) => i.members).map((i) => i.facts.name);
    expect(read.sort()).toEqual(["cph-android11-game", "cph-android12-base", "cph-at-limit", "debian-12-base"]);
    expect(emulator().stats.snapshot().routes[MEMBERS_READ]).toBe(1);
    expect(emulator().stats.snapshot().routes[PHONE_MEMBERS_READ]).toBe(3);
    const debian = loaded.images.find((i) => i.facts.id === DEMO_IMAGES.debian)!;
    expect(debian.facts.tags).toEqual(["env.prod"]);
    expect(debian.members).toEqual([
      { memberId: DEMO.globexAp, kind: "project", value: DEMO.globexAp, status: "accepted" },
      { memberId: DEMO.initechAp, kind: "project", value: DEMO.initechAp, status: "pending" },
    ]);
    expect(loaded.knownProjects.map((p) => p.id)).toContain(DEMO.acmeCn);
  });

  it("refuses a file for another region or project, saying which one it is for", async () => {
    const en = textIn("en");
    const refused = async (line: string) => {
      const error = await world.loadManifestWorld(parseManifest(`version: 1\n${line}\n`), ctx).catch((e) => e);
      return en(error.error.text.key, error.error.text.values);
    };
    expect(await refused("region: cn-north-4")).toBe(
      "This manifest is for region cn-north-4, and you are signed in to ap-southeast-1. Switch to a project of cn-north-4, or change the file's region.",
    );
    expect(await refused(`project: ${DEMO.acmeCn}`)).toBe(
      `This manifest is for project cn-north-4 (${DEMO.acmeCn}), and you are signed in to ap-southeast-1 (${DEMO.acmeAp}). Switch to that project, or change the file's project.`,
    );
    await expect(
      world.loadManifestWorld(parseManifest(`version: 1\nregion: ap-southeast-1\nproject: ${DEMO.acmeAp}\n`), ctx),
    ).resolves.toMatchObject({ owner: { projectId: DEMO.acmeAp } });
  });

  it("exports the project's sharing in a stable order, with names and end dates, and plans it back to all keep", async () => {
    await setLeases(
      db,
      "ims",
      [
        {
          imageId: DEMO_IMAGES.debian,
          imageName: "debian-12-base",
          memberId: DEMO.globexAp,
          targetKind: "project",
          target: DEMO.globexAp,
        },
      ],
      Date.UTC(2030, 0, 31),
      ALICE_ACTOR,
    );
    const yaml = await exporter.exportManifest(ctx);
    expect(yaml).toContain(
      [
        `  - id: ${DEMO_IMAGES.debian} # debian-12-base`,
        "    targets:",
        `      - project: ${DEMO.initechAp}`,
        `      - project: ${DEMO.globexAp}`,
        "        endsAt: 2030-01-31T00:00:00Z",
      ].join("\n"),
    );
    expect(yaml).toContain(
      `  - id: ${DEMO_PHONES.android11Game} # cph-android11-game\n    targets:\n      - project: ${DEMO.globexAp}\n`,
    );
    expect(
      yaml.startsWith(`version: 1\nregion: ap-southeast-1\nproject: ${DEMO.acmeAp}\nowns: listed\nimages:\n`),
    ).toBe(true);
    const ids = [...yaml.matchAll(/^ {2}- id: \S+ # (.+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(await exporter.exportManifest(ctx)).toBe(yaml);

    const manifest = parseManifest(yaml);
    const plan = planManifest(manifest, await world.loadManifestWorld(manifest, ctx));
    expect(plan.counts).toMatchObject({ add: 0, remove: 0, blocked: 0 });
    expect(plan.counts.keep).toBe(255 + 2 + 1 + 10);
    expect(plan.warnings).toEqual([]);
  });

  it("writes accounts by id and organizations by URN, and says in a comment which member it cannot write", async () => {
    const members = emulator().emu.world.membersOf(DEMO_IMAGES.ubuntu);
    const at = Date.now();
    const base = { imageId: DEMO_IMAGES.ubuntu, status: "accepted" as const, createdAt: at, updatedAt: at };
    members.set(DEMO.globex, { ...base, memberId: DEMO.globex, memberType: "domain" });
    members.set(DEMO.orgUnit, { ...base, memberId: DEMO.orgUnit, memberType: "organization", urn: OU_URN });
    members.set(DEMO.org, { ...base, memberId: DEMO.org, memberType: "organization" });
    const zh = textIn("zh-CN");
    const yaml = await exporter.exportManifest({ ...ctx, say: (t) => zh(t.key, t.values) });
    expect(yaml).toContain(
      [
        `  - id: ${DEMO_IMAGES.ubuntu} # ubuntu-22.04-web`,
        `    # 成员 ${DEMO.org}（组织）未写入：IMS 未提供其 URN。`,
        "    targets:",
        `      - account: ${DEMO.globex}`,
        `      - organization: ${OU_URN}`,
      ].join("\n"),
    );
    const manifest = parseManifest(yaml);
    const plan = planManifest(manifest, await world.loadManifestWorld(manifest, ctx));
    expect(plan.counts).toMatchObject({ add: 0, remove: 0, blocked: 1 });
    expect(plan.pairs.find((p) => p.action === "blocked")).toMatchObject({
      target: { kind: "organization", memberId: DEMO.org },
      reason: { key: "manifest.reasons.noUrn" },
    });
  });
});
