import { describe, expect, it } from "vitest";
import { actionBodyProblem, isPlainReply } from "./action-body";

const post = (body: BodyInit, type = "text/plain;charset=UTF-8", length?: number) =>
  new Request("http://console.test/images", {
    method: "POST",
    body,
    headers: { "Content-Type": type, ...(length ? { "Content-Length": String(length) } : {}) },
  });

describe("server action bodies", () => {
  it("accepts React's encoding of plain values, escaped `$` strings and value tags", () => {
    expect(
      isPlainReply(
        JSON.stringify([
          null,
          { imageIds: ["a"], targets: "$$7", n: "$NaN", u: "$undefined", d: "$D2026-01-01", big: "$n12" },
        ]),
      ),
    ).toBe(true);
    expect(isPlainReply("[]")).toBe(true);
  });

  it("refuses what Next would fail on with a 500: not JSON, not a list, references to parts never sent", () => {
    for (const body of [
      "",
      "not json",
      "[",
      '{"0":1}',
      '[null,"$Q1"]',
      '[null,"$@9"]',
      '[null,{"a":["${7*7}"]}]',
      '[null,"$K1"]',
      '[null,"$nope"]',
    ]) {
      expect(isPlainReply(body), body).toBe(false);
    }
    expect(isPlainReply(`${"[".repeat(200_000)}${"]".repeat(200_000)}`)).toBe(false);
  });

  it("answers 413 for a body over 1 MB and 400 for a malformed one, and lets good bodies through", async () => {
    expect((await actionBodyProblem(post("x".repeat((1 << 20) + 1))))?.status).toBe(413);
    expect((await actionBodyProblem(post("[null]", "text/plain", (1 << 20) + 1)))?.status).toBe(413);
    expect((await actionBodyProblem(post('[null,"$Q1"]')))?.status).toBe(400);
    expect(await actionBodyProblem(post('[null,{"batchId":"x"}]'))).toBeUndefined();
  });

  it("checks part 0 of a multipart post: FormData references must name fields that were sent", async () => {
    const form = (zero: string, field = "_1_imageId") => {
      const f = new FormData();
      f.set("0", zero);
      f.set(field, "x");
      return f;
    };
    expect(
      await actionBodyProblem(new Request("http://console.test/", { method: "POST", body: form('[null,"$K1"]') })),
    ).toBeUndefined();
    expect(
      (await actionBodyProblem(new Request("http://console.test/", { method: "POST", body: form('[null,"$K2"]') })))
        ?.status,
    ).toBe(400);
    // A form posted without JavaScript has no part 0: Next reads its fields itself.
    const plain = new FormData();
    plain.set("$ACTION_ID_1", "");
    plain.set("account", "$Q1");
    expect(
      await actionBodyProblem(new Request("http://console.test/", { method: "POST", body: plain })),
    ).toBeUndefined();
  });
});
