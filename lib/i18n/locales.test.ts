import { describe, expect, it } from "vitest";
import { negotiate } from "./locales";

describe("negotiate", () => {
  it("serves Chinese to any Chinese and English to any English, by weight", () => {
    expect(negotiate("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiate("zh-TW")).toBe("zh-CN");
    expect(negotiate("en-US,en;q=0.9")).toBe("en");
    expect(negotiate("en;q=0.5, zh;q=0.8")).toBe("zh-CN");
    expect(negotiate("fr-FR, zh-CN;q=0.3")).toBe("zh-CN");
  });

  it("falls back to English for nothing, junk and languages it does not speak", () => {
    expect(negotiate(undefined)).toBe("en");
    expect(negotiate("")).toBe("en");
    expect(negotiate("de-DE, fr;q=0.5")).toBe("en");
    expect(negotiate("zh;q=0, ;q=abc,,")).toBe("en");
  });
});
