import type { CphMember, WorldData } from "../store/types";
import { READ_ONLY } from "../store/types";
import { cphImage, DAY, fillerProjectId, image, member, project, smnTopic, user, vault } from "./builders";

/** Ids of `../shared/demo-world.md`, for tests and seeds. */
export const DEMO = {
  acme: "ac0e0000000000000000000000000001",
  globex: "610be000000000000000000000000002",
  initech: "1417ec00000000000000000000000003",
  acmeAp: "ac0e00000000000000000000000000a1",
  acmeCn: "ac0e00000000000000000000000000c4",
  globexAp: "610be0000000000000000000000000a1",
  globexCn: "610be0000000000000000000000000c4",
  initechAp: "1417ec000000000000000000000000a1",
  /** Added (emulator/README): a fourth account, so that a batch can reach three projects of ap-southeast-1 besides acme's. */
  umbrella: "0b1e0000000000000000000000000004",
  umbrellaAp: "0b1e00000000000000000000000000a1",
  alice: "ac0e0000000000000000000000000e01",
  audrey: "ac0e0000000000000000000000000e02",
  arthur: "ac0e0000000000000000000000000e03",
  bob: "610be000000000000000000000000e01",
  carol: "1417ec00000000000000000000000e01",
  dave: "0b1e0000000000000000000000000e01",
  /** Owner of public (gold) images: a Huawei system project no user can sign in to. */
  publicOwner: "0000000000000000000000000000f001",
  org: "o-acme0001",
  orgUnit: "ou-partners01",
} as const;

export const DEMO_PASSWORDS = {
  alice: "alice-demo-2026",
  audrey: "audrey-demo-2026",
  arthur: "arthur-demo-2026",
  bob: "bob-demo-2026",
  carol: "carol-demo-2026",
  dave: "dave-demo-2026",
} as const;

/** The AK/SK pairs of demo-world.md "Additions (2026-12)", by user. */
export const DEMO_KEYS = {
  alice: { ak: "ACME0ALICE0DEMO00001", sk: "aliceDemoSecretKey0000000000000000000001" },
  audrey: { ak: "ACME0AUDREY0DEMO0001", sk: "audreyDemoSecretKey000000000000000000001" },
  bob: { ak: "GLOBEX0BOB0DEMO00001", sk: "bobDemoSecretKey000000000000000000000001" },
} as const;

export function acmeImageId(n: number): string {
  return `1b7f0000-0000-4000-8000-${n.toString().padStart(12, "0")}`;
}

/** `app-NN` of the demo world (NN = 1..40). */
export function appImageId(nn: number): string {
  return acmeImageId(100 + nn);
}

/** IMS image ids of demo-world.md, by name. */
export const DEMO_IMAGES = {
  ubuntu: acmeImageId(1),
  debian: acmeImageId(2),
  centosEncrypted: acmeImageId(3),
  win2019: acmeImageId(4),
  fullEcsFromCbr: acmeImageId(5),
  fullEcsLegacy: acmeImageId(6),
  dataDiskArchive: acmeImageId(7),
  almostFull: acmeImageId(8),
  publicUbuntu: acmeImageId(9),
  globexAnalyticsGpu: "610be000-0000-4000-8000-000000000001",
  globexCiRunner: "610be000-0000-4000-8000-000000000002",
  globexOldBase: "610be000-0000-4000-8000-000000000003",
  globexFullecsCbr: "610be000-0000-4000-8000-000000000004",
  globexNewRelease: "610be000-0000-4000-8000-000000000005",
  initechMlBase: "1417ec00-0000-4000-8000-000000000001",
} as const;

/** CPH (cloud phone) image ids of demo-world.md, by name. */
export const DEMO_PHONES = {
  android11Game: "ac0e0000000000000000000000c9a001",
  android12Base: "ac0e0000000000000000000000c9a002",
  atLimit: "ac0e0000000000000000000000c9a003",
  globexAndroid12: "610be000000000000000000000c9a001",
} as const;

/** SMN topics of demo-world.md "Additions (2026-12)", by name, as their URNs. */
export const DEMO_TOPICS = {
  imshareAlerts: `urn:smn:ap-southeast-1:${DEMO.acmeAp}:imshare-alerts`,
  opsOncall: `urn:smn:ap-southeast-1:${DEMO.acmeAp}:ops-oncall`,
  globexAlerts: `urn:smn:ap-southeast-1:${DEMO.globexAp}:globex-alerts`,
} as const;

/** The demo world, with times relative to `now` so that ages ("pending for 3 days") read naturally. */
export function demoWorld(now: number): WorldData {
  const ago = (days: number) => now - days * DAY;
  const { acme, globex, initech, acmeAp, acmeCn, globexAp, globexCn, initechAp } = DEMO;

  const images = [
    image(DEMO_IMAGES.ubuntu, "ubuntu-22.04-web", acmeAp, ago(60)),
    image(DEMO_IMAGES.debian, "debian-12-base", acmeAp, ago(55), {
      platform: "Debian",
      osVersion: "Debian GNU/Linux 12 64bit",
    }),
    image(DEMO_IMAGES.centosEncrypted, "centos-7-encrypted", acmeAp, ago(50), {
      platform: "CentOS",
      osVersion: "CentOS 7.9 64bit",
      encryption: { cmkId: "5f1d0000-0000-4000-8000-00000000c0de", defaultKey: true },
    }),
    image(DEMO_IMAGES.win2019, "win2019-base", acmeAp, ago(45), {
      osType: "Windows",
      platform: "Windows",
      osVersion: "Windows Server 2019 Datacenter 64bit",
      minDisk: 60,
      sizeBytes: 12_884_901_888,
    }),
    image(DEMO_IMAGES.fullEcsFromCbr, "full-ecs-from-cbr", acmeAp, ago(40), {
      kind: "whole",
      backupId: "ac0e0000-0000-4000-8000-00000000bb05",
      sizeBytes: 42_949_672_960,
    }),
    image(DEMO_IMAGES.fullEcsLegacy, "full-ecs-legacy", acmeAp, ago(38), { kind: "whole", sizeBytes: 42_949_672_960 }),
    image(DEMO_IMAGES.dataDiskArchive, "data-disk-archive", acmeAp, ago(35), {
      kind: "data",
      osType: "Other",
      platform: "Other",
      osVersion: "",
      minDisk: 100,
      sizeBytes: 107_374_182_400,
    }),
    image(DEMO_IMAGES.almostFull, "almost-full", acmeAp, ago(30)),
    image(DEMO_IMAGES.publicUbuntu, "public-ubuntu", DEMO.publicOwner, ago(90), { imagetype: "gold", protected: true }),
    ...Array.from({ length: 40 }, (_, i) => {
      const nn = String(i + 1).padStart(2, "0");
      return image(appImageId(i + 1), `app-${nn}`, acmeAp, ago(20) + i * 60_000);
    }),
    image(DEMO_IMAGES.globexAnalyticsGpu, "globex-analytics-gpu", globexAp, ago(12), { minRam: 16384 }),
    image(DEMO_IMAGES.globexCiRunner, "globex-ci-runner", globexAp, ago(25)),
    image(DEMO_IMAGES.globexOldBase, "globex-old-base", globexAp, ago(80), {
      platform: "CentOS",
      osVersion: "CentOS 7.6 64bit",
    }),
    image(DEMO_IMAGES.globexFullecsCbr, "globex-fullecs-cbr", globexAp, ago(9), {
      kind: "whole",
      backupId: "610be000-0000-4000-8000-00000000bb04",
      sizeBytes: 53_687_091_200,
    }),
    image(DEMO_IMAGES.globexNewRelease, "globex-new-release", globexAp, ago(1)),
    image(DEMO_IMAGES.initechMlBase, "initech-ml-base", initechAp, ago(6), {
      platform: "EulerOS",
      osVersion: "EulerOS 2.9 64bit",
    }),
  ];

  const members = [
    member(DEMO_IMAGES.debian, globexAp, "accepted", ago(20), ago(19)),
    member(DEMO_IMAGES.debian, initechAp, "pending", ago(4)),
    ...Array.from({ length: 255 }, (_, i) =>
      member(DEMO_IMAGES.almostFull, fillerProjectId("f0f0", i + 1), "accepted", ago(29) + i * 1000),
    ),
    member(DEMO_IMAGES.globexAnalyticsGpu, acmeAp, "pending", ago(3)),
    member(DEMO_IMAGES.globexCiRunner, acmeAp, "accepted", ago(24), ago(23)),
    member(DEMO_IMAGES.globexOldBase, acmeAp, "rejected", ago(70), ago(69)),
    member(DEMO_IMAGES.globexFullecsCbr, acmeAp, "pending", ago(2)),
    member(DEMO_IMAGES.initechMlBase, acmeAp, "pending", ago(5)),
  ];

  const acmeApProject = project(acmeAp, "ap-southeast-1", acme);
  const globexApProject = project(globexAp, "ap-southeast-1", globex);
  const cphImages = [
    cphImage(DEMO_PHONES.android11Game, "cph-android11-game", acmeApProject, ago(33), "Android 11"),
    cphImage(DEMO_PHONES.android12Base, "cph-android12-base", acmeApProject, ago(28)),
    cphImage(DEMO_PHONES.atLimit, "cph-at-limit", acmeApProject, ago(26)),
    cphImage(DEMO_PHONES.globexAndroid12, "globex-cph-android12", globexApProject, ago(8)),
  ];
  const cphMember = (imageId: string, memberId: string, status: CphMember["status"], at: number): CphMember => ({
    imageId,
    memberId,
    status,
    createTime: at,
    updateTime: at,
  });
  const cphMembers = [
    cphMember(DEMO_PHONES.android11Game, globexAp, "accepted", ago(15)),
    ...Array.from({ length: 10 }, (_, i) =>
      cphMember(DEMO_PHONES.atLimit, fillerProjectId("c0c0", i + 1), "accepted", ago(25) + i * 1000),
    ),
    cphMember(DEMO_PHONES.globexAndroid12, acmeAp, "pending", ago(2)),
  ];

  return {
    accounts: [
      { id: acme, name: "acme" },
      { id: globex, name: "globex" },
      { id: initech, name: "initech" },
      { id: DEMO.umbrella, name: "umbrella" },
    ],
    projects: [
      acmeApProject,
      project(acmeCn, "cn-north-4", acme),
      globexApProject,
      project(globexCn, "cn-north-4", globex),
      project(initechAp, "ap-southeast-1", initech),
      project(DEMO.umbrellaAp, "ap-southeast-1", DEMO.umbrella),
    ],
    users: [
      user(DEMO.alice, "alice", DEMO_PASSWORDS.alice, acme),
      user(DEMO.audrey, "audrey", DEMO_PASSWORDS.audrey, acme, READ_ONLY),
      user(DEMO.arthur, "arthur", DEMO_PASSWORDS.arthur, acme),
      user(DEMO.bob, "bob", DEMO_PASSWORDS.bob, globex),
      user(DEMO.carol, "carol", DEMO_PASSWORDS.carol, initech),
      user(DEMO.dave, "dave", DEMO_PASSWORDS.dave, DEMO.umbrella),
    ],
    accessKeys: (Object.keys(DEMO_KEYS) as (keyof typeof DEMO_KEYS)[]).map((name) => ({
      ...DEMO_KEYS[name],
      userId: DEMO[name],
      status: "active" as const,
      createdAt: ago(200),
    })),
    organizations: [
      {
        id: DEMO.org,
        ownerDomainId: acme,
        units: [{ id: DEMO.orgUnit, name: "partners", domainIds: [globex, initech] }],
        createdAt: ago(400),
      },
    ],
    images,
    members,
    jobs: [],
    cphImages,
    cphMembers,
    vaults: [
      vault("ac0e0000-0000-4000-8000-00000000ba01", "vault-server-backup", acmeAp, ago(100)),
      vault("ac0e0000-0000-4000-8000-00000000ba02", "vault-disk-only", acmeAp, ago(100), { objectType: "disk" }),
      vault("ac0e0000-0000-4000-8000-00000000ba03", "vault-frozen", acmeAp, ago(100), { status: "frozen" }),
    ],
    traces: [],
    tokens: [],
    smnTopics: [
      smnTopic(acmeApProject, "imshare-alerts", "Imshare alerts", "ac0e0000000000000000000000005a01", ago(90)),
      smnTopic(acmeApProject, "ops-oncall", "", "ac0e0000000000000000000000005a02", ago(45)),
      smnTopic(globexApProject, "globex-alerts", "", "610be000000000000000000000005a01", ago(60)),
    ],
    smnMessages: [],
  };
}
