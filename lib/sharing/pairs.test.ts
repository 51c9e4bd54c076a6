import { describe, expect, it } from "vitest";
import { text } from "@/lib/i18n/text";
import { textIn } from "@/test/intl";
import { failureReason, rollUp } from "./pairs";

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
