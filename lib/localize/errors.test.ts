import { describe, expect, it } from "vitest";
import { CloudError } from "@/lib/cloud/errors";
import {
  ANSWER_LOST,
  appError,
  ERRORS,
  READ_ONLY,
  toAppError,
  UPSTREAM,
  upstreamSentence,
  UserError,
  type ErrorCode,
} from "@/lib/errors";
import { MESSAGES } from "@/messages";
import { fieldKey } from "@/lib/i18n/fields";
import { forReader, localizeError, upstreamKey } from "./errors";
import { errorsIn, textIn } from "./testing";
import { text } from "@/lib/i18n/text";

type Catalogue = (typeof MESSAGES)["en"]["errors"];

const CODES = Object.keys(ERRORS) as ErrorCode[];
const UPSTREAM_CODES = Object.keys(UPSTREAM);
const en = errorsIn("en");
const zh = errorsIn("zh-CN");

describe("the errors catalogue", () => {
  it("has every code's sentence in both languages, English the vocabulary's own", () => {
    for (const code of CODES) {
      expect(MESSAGES.en.errors.codes[code], code).toBe(ERRORS[code][1]);
      expect(MESSAGES["zh-CN"].errors.codes[code], code).toMatch(/\p{Script=Han}/u);
    }
  });

  it("has every upstream code's sentence in both languages, English the one the console gives", () => {
    for (const code of UPSTREAM_CODES) {
      expect(en(upstreamKey(code)), code).toBe(upstreamSentence(code));
      expect(zh(upstreamKey(code)), code).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe("localizeError", () => {
  const cloud = (code: string, status = 400, message = "refused") =>
    toAppError(new CloudError("ims", status, code, message, "req-7"));
  const vocabulary = [
    ...CODES.map((code) => appError(code)),
    ...UPSTREAM_CODES.map((code) => cloud(code)),
    cloud("IMG.0999", 400, "Bad member."),
    toAppError(new CloudError("ims", 200, "invalid_response", "unreadable", "req-8")),
    appError("timeout", ANSWER_LOST),
    appError("forbidden", READ_ONLY),
  ];

  it("leaves every error exactly as it is in English", () => {
    for (const error of vocabulary) expect(localizeError(error, en)).toEqual(error);
  });

  it("says the vocabulary's sentences in Chinese for a zh-CN request, keeping code and references", () => {
    expect(localizeError(appError("timeout"), zh)).toEqual({
      code: "timeout",
      message: "华为云未能及时响应。请重试；如果问题持续出现，请检查服务状态。",
    });
    expect(localizeError(cloud("IMG.0089"), zh)).toEqual({ ...cloud("IMG.0089"), message: "公共镜像不可共享。" });
    expect(localizeError(cloud("IMG.0999", 400, "Bad member."), zh).message).toBe("华为云拒绝了该请求：Bad member.");
    const unreadable = toAppError(new CloudError("ims", 200, "invalid_response", "unreadable", "req-8"));
    expect(localizeError(unreadable, zh).message).toBe(`${zh("codes.invalid_response")}参考编号：req-8。`);
    for (const error of vocabulary) expect(localizeError(error, zh).message, error.message).toMatch(/\p{Script=Han}/u);
  });

  it("keeps a sentence it has no key for as it is", () => {
    const custom = toAppError(new UserError({ code: "not_found", message: "This batch does not exist." }));
    expect(localizeError(custom, zh, textIn("zh-CN"))).toEqual(custom);
  });

  it("says a UserError's catalogue sentence, with its values, in either language", () => {
    const minutes = (n: number) =>
      toAppError(new UserError("rate_limited", text("errors.said.tooManyPasswords", { minutes: n })));
    expect(localizeError(minutes(1), en, textIn("en")).message).toBe(
      "Too many refused passwords for this user or from this address. Wait 1 minute and try again.",
    );
    expect(localizeError(minutes(2), en, textIn("en")).message).toMatch(/Wait 2 minutes and try again/);
    expect(localizeError(minutes(2), zh, textIn("zh-CN")).message).toBe(
      "该用户或该地址被拒绝的密码次数过多。请等待 2 分钟后重试。",
    );
    expect(localizeError(minutes(2), zh, textIn("zh-CN")).text).toEqual({
      key: "errors.said.tooManyPasswords",
      values: { minutes: 2 },
    });
  });

  it("says field errors that are catalogue keys, and leaves other sentences and keys it does not hold", () => {
    const error = {
      ...appError("invalid_input"),
      fieldErrors: { projectId: [fieldKey("chooseProject")], name: ["Give a name."], other: ["errors.fields.nope"] },
    };
    expect(localizeError(error, zh, textIn("zh-CN")).fieldErrors).toEqual({
      projectId: ["请从列表中选择项目。"],
      name: ["Give a name."],
      other: ["errors.fields.nope"],
    });
    const refused = new UserError(
      "invalid_credentials",
      text("errors.said.passwordRefused", { user: "bob", project: "cn-north-4" }),
      "password",
    );
    expect(forReader(refused.error, en, textIn("en"))).toEqual({
      code: "invalid_credentials",
      message: "IAM refused the password of bob for cn-north-4. Check it and try again.",
      fieldErrors: { password: ["IAM refused the password of bob for cn-north-4. Check it and try again."] },
    });
  });

  it("has every field sentence and every action's sentence in Chinese", () => {
    for (const key of Object.keys(MESSAGES["zh-CN"].errors.fields))
      expect(MESSAGES["zh-CN"].errors.fields[key as keyof Catalogue["fields"]], key).toMatch(/\p{Script=Han}/u);
    for (const key of Object.keys(MESSAGES["zh-CN"].errors.said))
      expect(MESSAGES["zh-CN"].errors.said[key as keyof Catalogue["said"]], key).toMatch(/\p{Script=Han}/u);
  });
});
