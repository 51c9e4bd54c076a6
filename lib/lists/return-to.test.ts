import { describe, expect, it } from "vitest";
import { returnTo, withBack } from "./return-to";

describe("returnTo", () => {
  it("keeps the list URL with its filters, sort and page", () => {
    expect(returnTo("/images?q=app&sort=name&dir=asc", "/images")).toBe("/images?q=app&sort=name&dir=asc");
    expect(returnTo("/images", "/images")).toBe("/images");
  });

  it.each([
    undefined,
    ["/images?q=a"],
    "https://evil.example/images?q=a",
    "//evil.example/images?q=a",
    "/\\evil.example",
    "/images/../history",
    "/imagesx?q=a",
    "/images/other?q=a",
    "/history?q=a",
    "/images?q=a\nb",
    "javascript:alert(1)",
    `/images?q=${"a".repeat(2000)}`,
  ])("falls back to the list for %j", (back) => {
    expect(returnTo(back, "/images")).toBe("/images");
  });
});

describe("withBack", () => {
  it("carries a list URL with state, encoded", () => {
    expect(withBack("/images/x", "/images?q=a&b=c")).toBe("/images/x?back=%2Fimages%3Fq%3Da%26b%3Dc");
  });

  it("adds nothing for the plain list", () => {
    expect(withBack("/images/x", "/images")).toBe("/images/x");
  });
});
