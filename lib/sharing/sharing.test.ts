import { describe, expect, it } from "vitest";
import type { Image } from "@/lib/cloud/schemas/ims";
import { text } from "@/lib/i18n/text";
import { textIn } from "@/test/intl";
import { memberLimitOf, shareBlocker } from "./shareability";
import { batchBody, parseTargets } from "./targets";

const OWNER = { projectId: "ac0e00000000000000000000000000a1", accountId: "ac0e0000000000000000000000000001" };
const GLOBEX = "610be0000000000000000000000000a1";
const INITECH = "1417ec000000000000000000000000a1";
const URN = "organizations::ac0e0000000000000000000000000001:ou:o-acme0001/ou-partners01";

const image = (over: Partial<Image> = {}): Image => ({
  id: "1b7f0000-0000-4000-8000-000000000001",
  name: "ubuntu",
  status: "active",
  owner: OWNER.projectId,
  visibility: "private",
  __imagetype: "private",
  __os_type: "Linux",
  virtual_env_type: "FusionCompute",
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  ...over,
});
const ctx = { projectId: OWNER.projectId, region: "ap-southeast-1", windowsRestrictedRegions: ["ap-southeast-1"] };

describe("targets", () => {
  it("splits pasted text, lower-cases ids, drops duplicates and recognises URNs", () => {
    const parsed = parseTargets(` ${GLOBEX.toUpperCase()},${GLOBEX}; ${URN}\n\nnope`, "project");
    expect(parsed).toEqual([
      { ok: true, target: { kind: "project", value: GLOBEX, memberId: GLOBEX } },
      { ok: true, target: { kind: "organization", value: URN, memberId: "ou-partners01" } },
      { ok: false, input: "nope", reason: text("sharing.badTarget.notAnId", { kind: "project" }) },
    ]);
    expect(parseTargets("1b7f0000-0000-4000-8000-000000000001", "account")[0]).toMatchObject({
      ok: false,
      reason: text("sharing.badTarget.imageId"),
    });
    expect(parseTargets(GLOBEX, "account")[0]).toMatchObject({ ok: true, target: { kind: "account" } });
  });
});

describe("shareability", () => {
  it("names the reason IMS would refuse, before anything is sent", () => {
    expect(shareBlocker(image(), ctx)).toBeUndefined();
    expect(shareBlocker(image({ __imagetype: "gold", visibility: "public" }), ctx)?.code).toBe("IMG.0089");
    expect(shareBlocker(image({ __system__cmkid: "key" }), ctx)?.code).toBe("IMG.0098");
    expect(shareBlocker(image({ __whole_image: "true" }), ctx)?.code).toBe("IMG.0135");
    expect(shareBlocker(image({ __whole_image: "true", __backup_id: "b" }), ctx)).toBeUndefined();
    expect(shareBlocker(image({ __os_type: "Windows" }), ctx)?.code).toBe("IMG.0105");
    expect(shareBlocker(image({ __os_type: "Windows" }), { ...ctx, region: "cn-north-4" })).toBeUndefined();
    expect(shareBlocker(image({ status: "queued" }), ctx)?.reason).toEqual(
      text("sharing.blockers.notActive.reason", { status: "queued" }),
    );
    expect(shareBlocker(image({ owner: GLOBEX }), ctx)?.code).toBe("IMG.0047");
    expect(shareBlocker(image({ __productcode: "p" }), ctx)?.label).toEqual(text("sharing.blockers.marketplace.label"));
  });

  it("says each blocker in English and in Chinese, with the image's status and region", () => {
    const [en, zh] = [textIn("en"), textIn("zh-CN")];
    const queued = shareBlocker(image({ status: "queued" }), ctx)!;
    expect(en(queued.reason)).toBe("Not active (queued): wait until the image is active.");
    expect(zh(queued.reason)).toBe("镜像状态不是正常（queued）：请等待镜像状态变为正常。");
    const windows = shareBlocker(image({ __os_type: "Windows" }), ctx)!;
    expect(en(windows.label)).toBe("Windows");
    expect(zh(windows.reason)).toBe("Windows 镜像：镜像服务（IMS）在 ap-southeast-1 不再共享 Windows 镜像。");
    const publicImage = shareBlocker(image({ visibility: "public" }), ctx)!;
    expect([en(publicImage.label), zh(publicImage.label)]).toEqual(["Public image", "公共镜像"]);
  });

  it("uses the quota API's limit for disk images and 10 for full-ECS images", () => {
    expect(memberLimitOf(image(), 128)).toBe(128);
    expect(memberLimitOf(image())).toBe(256);
    expect(memberLimitOf(image({ __whole_image: "true" }), 128)).toBe(10);
  });
});

describe("batchBody", () => {
  it("never sends an empty domains or organizations array (D5)", () => {
    expect(batchBody(["c"], [{ kind: "project", value: GLOBEX }])).toEqual({ images: ["c"], projects: [GLOBEX] });
    expect(
      batchBody(
        ["a", "b"],
        [
          { kind: "project", value: GLOBEX },
          { kind: "project", value: INITECH },
          { kind: "organization", value: URN },
        ],
      ),
    ).toEqual({ images: ["a", "b"], projects: [GLOBEX, INITECH], organizations: [URN] });
  });
});
