import type { ReactElement } from "react";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { errorText } from "@/lib/sharing/pairs";
import { MESSAGES } from "@/messages";
import { renderIntl } from "@/test/intl";
import type { AnswerOutcome } from "@/lib/sharing/answer";
import { decisionToast } from "./decision-toast";

const IMS = { noun: "images" } as const;
const CPH = { noun: "phoneImages", usable: "usablePhones" } as const;
const T = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "incoming.toast" });
const outcome = (name: string, failed?: Pick<AnswerOutcome, "reason" | "code">): AnswerOutcome => ({
  image: `id-${name}`,
  target: "p",
  name,
  outcome: failed ? "failed" : "succeeded",
  ...failed,
});
const done = (...data: AnswerOutcome[]) => ({ ok: true as const, data });
const text = (body: unknown, locale: "en" | "zh-CN" = "en") =>
  renderIntl(body as ReactElement, locale).replace(/<[^>]+>/g, "");
const DOWN = {
  reason: errorText({
    code: "upstream_unavailable",
    message: "Huawei Cloud is not answering right now. Try again in a minute.",
  }),
  code: "CPS.0003",
};

describe("decisionToast", () => {
  it("names one image, counts several, and says what an accepted phone image is good for", () => {
    expect(decisionToast("accept", [{ name: "a" }], done(outcome("a")), IMS, T)).toEqual({
      tone: "success",
      title: "Accepted a",
      body: undefined,
    });
    expect(decisionToast("reject", [], done(outcome("a"), outcome("b")), IMS, T).title).toBe("Rejected 2 images");
    expect(decisionToast("accept", [], done(outcome("a")), CPH, T).body).toBe(
      "It can now be used to create cloud phones.",
    );
    expect(decisionToast("accept", [], done(outcome("a"), outcome("b")), CPH, T).body).toBe(
      "They can now be used to create cloud phones.",
    );
    expect(decisionToast("reject", [], done(outcome("a")), CPH, T).body).toBeUndefined();
  });

  it("lists each failure with its reason and the cloud's code", () => {
    const none = decisionToast("accept", [], done(outcome("a", DOWN)), CPH, T);
    expect(none).toMatchObject({ tone: "error", title: "Could not accept a" });
    expect(text(none.body)).toBe("a: Huawei Cloud is not answering right now. Try again in a minute.(CPS.0003)");
    expect(text(none.body, "zh-CN")).toMatch(/^a: \p{Script=Han}/u);
    const some = decisionToast("reject", [], done(outcome("a"), outcome("b", DOWN), outcome("c", DOWN)), IMS, T);
    expect(some.title).toBe("Rejected 1 of 3 images; 2 failed");
    expect(text(some.body)).toContain("b: Huawei Cloud");
  });

  it("says what the action refused, for the images asked for", () => {
    const refused = {
      ok: false as const,
      error: { code: "upstream_unavailable" as const, message: "Not answering.", upstreamCode: "IMG.0001" },
    };
    expect(decisionToast("reject", [{ name: "a" }, { name: "b" }], refused, CPH, T)).toEqual({
      tone: "error",
      title: "Could not reject 2 phone images",
      body: "Not answering. (IMG.0001)",
    });
  });
});
