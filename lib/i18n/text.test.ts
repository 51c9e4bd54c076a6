import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { NO_SESSION } from "@/lib/audit/cts-schedule";
import { MESSAGES } from "@/messages";
import { inEnglish } from "./english";
import { parseText, say, sayStored, text } from "./text";

const zh = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"] });

describe("Text", () => {
  it("keeps a key and its arguments, and says them in each language", () => {
    const overLimit = text("sharing.reasons.overLimit", { count: 10, limit: 10 });
    expect(overLimit).toEqual({ key: "sharing.reasons.overLimit", values: { count: 10, limit: 10 } });
    expect(text("sharing.reasons.alreadyMember")).toEqual({ key: "sharing.reasons.alreadyMember" });
    expect(inEnglish(overLimit)).toBe("Member quota used up: 10 / 10, counting the targets added before it.");
    expect(say(zh, overLimit)).toBe("共享成员配额已用完：10 / 10（计入此前添加的对象）。");
  });

  it("reads back only stored JSON that is a Text", () => {
    const stored = JSON.stringify(text("batches.pairReason.gaveUp", { attempts: 3 }));
    expect(parseText(stored)).toEqual({ key: "batches.pairReason.gaveUp", values: { attempts: 3 } });
    for (const bad of [null, "", "Already a member.", "{", "[]", '{"key":1}', '{"key":"a","values":"b"}'])
      expect(parseText(bad), String(bad)).toBeUndefined();
  });

  it("falls back to the stored sentence when there is no Text or the catalogue lacks its key", () => {
    expect(sayStored(zh, parseText(JSON.stringify(text("sharing.reasons.notMember"))), "Not a member.")).toBe(
      "不是共享成员。",
    );
    expect(sayStored(zh, null, "Already a member.")).toBe("Already a member.");
    expect(sayStored(zh, parseText('{"key":"sharing.reasons.removedLater"}'), "Old words.")).toBe("Old words.");
    expect(sayStored(zh, null, null)).toBeUndefined();
  });

  it("has the CTS schedule's stored sentence in the catalogue, so History can say it in Chinese", () => {
    expect(MESSAGES.en.history.cts.noSession).toBe(NO_SESSION);
  });
});
