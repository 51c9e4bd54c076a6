import { describe, expect, it } from "vitest";
import { text } from "@/lib/i18n/text";
import { textIn } from "@/test/intl";
import { AUDIT_SENTENCES } from "@/lib/audit/writer";
import { ERRORS } from "@/lib/errors";
import { failureReason, rollUp, storedErrorText } from "./pairs";

const en = textIn();
const zh = textIn("zh-CN");

describe("failureReason", () => {
  it("says in words what a cloud code the vocabulary knows means", () => {
    expect(failureReason("IMG.0108")).toEqual(text("errors.upstream.IMG_0108"));
    expect(en(failureReason("IMG.0108"))).toMatch(/^Huawei Cloud found no such project or account in this region\./);
    expect(zh(failureReason("IMG.0108"))).toMatch(/\p{Script=Han}/u);
  });

  it("explains the console's own codes, then the cloud's words, then names an unknown code", () => {
    expect(failureReason("not_applied")).toEqual(text("sharing.failures.not_applied"));
    expect(en(failureReason("not_applied"))).toMatch(/did not take effect/);
    expect(zh(failureReason("job_unfinished"))).toBe("云端任务未完成，读回的共享成员也未显示此更改。请稍后重试。");
    // The cloud's own words stay as they are, in every language.
    expect(en(failureReason("IMG.9999", "Quota of something exceeded."))).toBe("Quota of something exceeded.");
    expect(zh(failureReason("IMG.9999", "Quota of something exceeded."))).toBe("Quota of something exceeded.");
    expect(failureReason("IMG.9999")).toEqual(text("sharing.failures.refused", { code: "IMG.9999" }));
    expect(zh(failureReason("IMG.9999"))).toContain("（IMG.9999）");
  });
});

describe("rollUp", () => {
  it("ignores skipped pairs and is partial when some but not all sent pairs succeeded", () => {
    expect(rollUp([{ outcome: "skipped" }])).toBe("succeeded");
    expect(rollUp([{ outcome: "succeeded" }, { outcome: "failed" }, { outcome: "skipped" }])).toBe("partial");
    expect(rollUp([{ outcome: "failed" }, { outcome: "skipped" }])).toBe("failed");
  });
});

describe("storedErrorText", () => {
  it("reads the console's own sentences back from the trail, numbers and all, in either language", () => {
    const failed = storedErrorText("IMG.0108", AUDIT_SENTENCES.pairsFailed(1, 30));
    expect(en(failed)).toBe("1 of 30 pairs failed.");
    expect(zh(failed)).toBe("30 个组合中有 1 个失败。");
    const stopped = storedErrorText("interrupted", AUDIT_SENTENCES.interrupted(2, 5));
    expect(en(stopped)).toBe(AUDIT_SENTENCES.interrupted(2, 5));
    expect(zh(stopped)).toContain("5 个组合中有 2 个未生效");
  });

  it("says the vocabulary's sentences by code and passes the cloud's own words on as they are", () => {
    const vocabulary = storedErrorText("upstream_unavailable", ERRORS.upstream_unavailable[1]);
    expect(en(vocabulary)).toBe(ERRORS.upstream_unavailable[1]);
    expect(zh(vocabulary)).not.toBe(ERRORS.upstream_unavailable[1]);
    const cloud = storedErrorText("IMG.0001", "Failed to add the tenant.");
    expect(cloud.key).toBe("sharing.failures.said");
    expect(zh(cloud)).toBe("Failed to add the tenant.");
  });
});
