import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConfigPatch } from "../core/config";
import { mergeConfig } from "../core/config";
import type { Emu } from "../core/context";
import { image, member, vault } from "../seed/builders";
import { acmeImageId, DEMO } from "../seed/demo";
import type { ImsImage, JobTarget } from "../store/types";
import { testEmulator, type TestEmulator } from "../testing";
import { applyAdd, applyDelete, applyUpdate, checkAdd, checkUpdate, shareBlock, type Actor } from "./rules";

const UBUNTU = acmeImageId(1);
const ALMOST_FULL = acmeImageId(8);
const FULL_ECS_CBR = acmeImageId(5);
const GPU = "610be000-0000-4000-8000-000000000001";
const CI_RUNNER = "610be000-0000-4000-8000-000000000002";
const OLD_BASE = "610be000-0000-4000-8000-000000000003";
const GLOBEX_FULLECS = "610be000-0000-4000-8000-000000000004";
const NEW_RELEASE = "610be000-0000-4000-8000-000000000005";
const project = (id: string): JobTarget => ({ type: "project", id });

let t: TestEmulator;
let emu: Emu;
let acme: Actor;

beforeEach(() => {
  t = testEmulator();
  emu = t.emu;
  acme = { project: emu.world.projects.get(DEMO.acmeAp)! };
});
afterEach(() => t.close());

function configure(patch: ConfigPatch): void {
  emu.config = mergeConfig(emu.config, patch);
}

function acmeImage(over: Partial<ImsImage>): ImsImage {
  const img = image("5e5e0000-0000-4000-8000-000000000001", "fixture", DEMO.acmeAp, 0, over);
  emu.world.images.set(img.id, img);
  return img;
}

describe("shareBlock", () => {
  it("blocks default-key encryption even when custom keys may be shared", () => {
    configure({ allowCustomKeySharing: true });
    expect(shareBlock(emu, acmeImage({ encryption: { cmkId: "k", defaultKey: true } }))).toBe("IMG.0098");
  });

  it("blocks custom-key encryption unless allowCustomKeySharing is on", () => {
    const img = acmeImage({ encryption: { cmkId: "k", defaultKey: false } });
    expect(shareBlock(emu, img)).toBe("IMG.0098");
    configure({ allowCustomKeySharing: true });
    expect(shareBlock(emu, img)).toBeUndefined();
  });

  it("names the reason for public, inactive, market and non-CBR full-ECS images", () => {
    expect(shareBlock(emu, acmeImage({ imagetype: "gold" }))).toBe("IMG.0089");
    expect(shareBlock(emu, acmeImage({ status: "queued" }))).toBe("IMG.0046");
    expect(shareBlock(emu, acmeImage({ imagetype: "market" }))).toBe("IMG.0105");
    expect(shareBlock(emu, acmeImage({ kind: "whole" }))).toBe("IMG.0135");
    expect(shareBlock(emu, acmeImage({ kind: "whole", backupId: "b" }))).toBeUndefined();
  });

  it("blocks Windows only in the restricted regions", () => {
    expect(shareBlock(emu, acmeImage({ osType: "Windows" }))).toBe("IMG.0105");
    expect(shareBlock(emu, acmeImage({ osType: "Windows", owner: DEMO.acmeCn }))).toBeUndefined();
    configure({ windowsRestrictedRegions: [] });
    expect(shareBlock(emu, acmeImage({ osType: "Windows" }))).toBeUndefined();
  });
});

describe("checkAdd", () => {
  it("accepts a new member and treats an existing one as a no-op", () => {
    expect(checkAdd(emu, acme, UBUNTU, project(DEMO.globexAp))).toEqual({ ok: true, changed: true });
    expect(checkAdd(emu, acme, acmeImageId(2), project(DEMO.globexAp))).toEqual({ ok: true, changed: false });
  });

  it("refuses images the caller does not own or cannot see", () => {
    expect(checkAdd(emu, acme, NEW_RELEASE, project(DEMO.initechAp))).toEqual({ ok: false, code: "IMG.0027" });
    expect(checkAdd(emu, acme, CI_RUNNER, project(DEMO.initechAp))).toEqual({ ok: false, code: "IMG.0047" });
    expect(checkAdd(emu, acme, acmeImageId(9), project(DEMO.globexAp))).toEqual({ ok: false, code: "IMG.0089" });
    expect(checkAdd(emu, acme, "5e5e0000-0000-4000-8000-0000000000ff", project(DEMO.globexAp))).toEqual({
      ok: false,
      code: "IMG.0027",
    });
  });

  it("refuses self, unknown and other-region targets", () => {
    const code = (target: JobTarget) => checkAdd(emu, acme, UBUNTU, target);
    expect(code(project(DEMO.acmeAp))).toEqual({ ok: false, code: "IMG.0076" });
    expect(code({ type: "domain", id: DEMO.acme })).toEqual({ ok: false, code: "IMG.0076" });
    expect(code(project("0123456789abcdef0123456789abcdef"))).toEqual({ ok: false, code: "IMG.0108" });
    expect(code(project(DEMO.globexCn))).toEqual({ ok: false, code: "IMG.0108" });
    expect(code({ type: "domain", id: "0123456789abcdef0123456789abcdef" })).toEqual({ ok: false, code: "IMG.0108" });
    expect(code({ type: "domain", id: DEMO.globex })).toEqual({ ok: true, changed: true });
    const unknownOu = `organizations::${DEMO.acme}:ou:${DEMO.org}/ou-nowhere`;
    expect(code({ type: "organization", id: "ou-nowhere", urn: unknownOu })).toEqual({ ok: false, code: "IMG.0108" });
    const ou = `organizations::${DEMO.acme}:ou:${DEMO.org}/${DEMO.orgUnit}`;
    expect(code({ type: "organization", id: DEMO.orgUnit, urn: ou })).toEqual({ ok: true, changed: true });
    configure({ otherRegionCode: "IMG.0177" });
    expect(code(project(DEMO.globexCn))).toEqual({ ok: false, code: "IMG.0177" });
  });

  it("counts members of the same batch toward the limit through extra", () => {
    expect(checkAdd(emu, acme, ALMOST_FULL, project(DEMO.globexAp), 0)).toEqual({ ok: true, changed: true });
    expect(checkAdd(emu, acme, ALMOST_FULL, project(DEMO.globexAp), 1)).toEqual({ ok: false, code: "IMG.0088" });
  });

  it("uses the full-ECS limit for whole images", () => {
    const members = emu.world.membersOf(FULL_ECS_CBR);
    for (let i = 0; i < 10; i++) members.set(`f${i}`, member(FULL_ECS_CBR, `f${i}`, "accepted", 0));
    expect(checkAdd(emu, acme, FULL_ECS_CBR, project(DEMO.globexAp))).toEqual({ ok: false, code: "IMG.0088" });
  });

  it("counts only accepted members when limitCountsAllStatuses is false", () => {
    configure({ memberLimit: 2, limitCountsAllStatuses: false });
    const members = emu.world.membersOf(UBUNTU);
    members.set("p1", member(UBUNTU, "p1", "pending", 0));
    members.set("p2", member(UBUNTU, "p2", "rejected", 0));
    expect(checkAdd(emu, acme, UBUNTU, project(DEMO.globexAp), 5)).toEqual({ ok: true, changed: true });
    members.set("a1", member(UBUNTU, "a1", "accepted", 0));
    members.set("a2", member(UBUNTU, "a2", "accepted", 0));
    expect(checkAdd(emu, acme, UBUNTU, project(DEMO.globexAp))).toEqual({ ok: false, code: "IMG.0088" });
    configure({ limitCountsAllStatuses: true });
    members.delete("a1");
    members.delete("a2");
    expect(checkAdd(emu, acme, UBUNTU, project(DEMO.globexAp))).toEqual({ ok: false, code: "IMG.0088" });
  });
});

describe("applyAdd and applyDelete", () => {
  it("write a pending member with its type and URN, and remove it", () => {
    const urn = `organizations::${DEMO.acme}:organization:${DEMO.org}`;
    expect(applyAdd(emu, acme, UBUNTU, { type: "organization", id: DEMO.org, urn }).ok).toBe(true);
    expect(emu.world.members.get(UBUNTU)?.get(DEMO.org)).toMatchObject({
      memberType: "organization",
      urn,
      status: "pending",
    });
    expect(applyDelete(emu, acme, UBUNTU, { type: "organization", id: DEMO.org })).toEqual({ ok: true, changed: true });
    expect(emu.world.memberCount(UBUNTU)).toBe(0);
    expect(applyDelete(emu, acme, UBUNTU, project(DEMO.globexAp))).toEqual({ ok: true, changed: false });
  });
});

describe("checkUpdate", () => {
  it("accepts pending, re-accepts rejected, and reports an unchanged status", () => {
    expect(checkUpdate(emu, acme, GPU, "accepted")).toEqual({ ok: true, changed: true });
    expect(checkUpdate(emu, acme, OLD_BASE, "accepted")).toEqual({ ok: true, changed: true });
    expect(checkUpdate(emu, acme, CI_RUNNER, "accepted")).toEqual({ ok: true, changed: false });
  });

  it("answers the not-member code for an existing image and IMG.0027 for a missing one", () => {
    expect(checkUpdate(emu, acme, NEW_RELEASE, "accepted")).toEqual({ ok: false, code: "IMG.0114" });
    expect(checkUpdate(emu, acme, UBUNTU, "accepted")).toEqual({ ok: false, code: "IMG.0114" });
    expect(checkUpdate(emu, acme, "5e5e0000-0000-4000-8000-0000000000ff", "accepted")).toEqual({
      ok: false,
      code: "IMG.0027",
    });
    configure({ notMemberCode: "IMG.0027" });
    expect(checkUpdate(emu, acme, NEW_RELEASE, "accepted")).toEqual({ ok: false, code: "IMG.0027" });
  });

  it("checks the vault when accepting a CBR full-ECS image, not when rejecting it", () => {
    const accept = (vaultId?: string) => checkUpdate(emu, acme, GLOBEX_FULLECS, "accepted", vaultId);
    expect(accept()).toEqual({ ok: false, code: "IMG.0184" });
    expect(accept("ac0e0000-0000-4000-8000-00000000ba02")).toEqual({ ok: false, code: "IMG.0193" });
    expect(accept("ac0e0000-0000-4000-8000-00000000ba03")).toEqual({ ok: false, code: "IMG.0188" });
    expect(accept("ac0e0000-0000-4000-8000-00000000ba01")).toEqual({ ok: true, changed: true });
    expect(checkUpdate(emu, acme, GLOBEX_FULLECS, "rejected")).toEqual({ ok: true, changed: true });
  });

  it("refuses another project's vault and a vault without room", () => {
    const foreign = vault("610be000-0000-4000-8000-00000000ba01", "globex-vault", DEMO.globexAp, 0);
    emu.world.vaults.set(foreign.id, foreign);
    expect(checkUpdate(emu, acme, GLOBEX_FULLECS, "accepted", foreign.id)).toEqual({ ok: false, code: "IMG.0184" });
    const full = vault("ac0e0000-0000-4000-8000-00000000ba09", "tiny", DEMO.acmeAp, 0, { sizeGb: 10, usedMb: 0 });
    emu.world.vaults.set(full.id, full);
    expect(checkUpdate(emu, acme, GLOBEX_FULLECS, "accepted", full.id)).toEqual({ ok: false, code: "IMG.0182" });
  });

  it("updates the account-wide entry when the image is shared with the caller's domain", () => {
    const members = emu.world.membersOf(NEW_RELEASE);
    members.set(DEMO.acme, { ...member(NEW_RELEASE, DEMO.acme, "pending", 0), memberType: "domain" });
    expect(applyUpdate(emu, acme, NEW_RELEASE, "accepted")).toEqual({ ok: true, changed: true });
    expect(members.get(DEMO.acme)?.status).toBe("accepted");
  });
});
