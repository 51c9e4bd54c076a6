import { describe, expect, it } from "vitest";
import { parseSdkAuthorization, signatureMatches, type SignedRequest } from "@/emulator/core/aksk";
import { DEMO_KEYS } from "@/emulator/seed/demo";
import { signRequest, type RequestToSign } from "./signer";

const AT = Date.parse("2026-12-06T21:14:03Z");
const ALICE = DEMO_KEYS.alice;

/** The request as the emulator's gateway receives it, with what the signature added. */
function received(req: RequestToSign, signature: Record<string, string>): SignedRequest {
  const all = new Map<string, string>([["host", req.url.host]]);
  for (const [k, v] of Object.entries({ ...req.headers, ...signature })) all.set(k.toLowerCase(), v);
  return {
    method: req.method,
    rawPath: req.url.pathname,
    rawQuery: req.url.search.replace(/^\?/, ""),
    header: (name) => all.get(name.toLowerCase()),
    body: req.body ?? "",
    date: signature["X-Sdk-Date"],
  };
}

/** Whether the emulator's verifier (emulator/core/aksk.ts) accepts the request signed with `sk`. */
function accepted(req: SignedRequest, sk: string = ALICE.sk): boolean {
  const auth = parseSdkAuthorization(req.header("authorization") ?? "");
  if (!auth) throw new Error("the Authorization header does not parse");
  return signatureMatches(req, auth, sk);
}

const LIST: RequestToSign = {
  method: "GET",
  url: new URL("http://127.0.0.1:4010/v2/cloudimages?owner=ac0e00000000000000000000000000a1&limit=2&name=app%2001"),
  headers: { Accept: "application/json", "X-Project-Id": "ac0e00000000000000000000000000a1" },
};
const SHARE: RequestToSign = {
  method: "POST",
  url: new URL("https://ims.ap-southeast-1.myhuaweicloud.com/v1/cloudimages/members"),
  headers: { "Content-Type": "application/json;charset=UTF-8", "X-Project-Id": "ac0e00000000000000000000000000a1" },
  body: JSON.stringify({
    images: ["1b7f0000-0000-4000-8000-000000000001"],
    projects: ["610be0000000000000000000000000a1"],
  }),
};

describe("the SDK-HMAC-SHA256 signer, against the emulator's verifier", () => {
  it("signs at the given time, naming the AK and every header, host and X-Sdk-Date among them", () => {
    const signature = signRequest(ALICE, LIST, AT);
    expect(signature["X-Sdk-Date"]).toBe("20261206T211403Z");
    expect(parseSdkAuthorization(signature.Authorization)).toEqual({
      ak: ALICE.ak,
      signedHeaders: ["accept", "host", "x-project-id", "x-sdk-date"],
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("is accepted for a read with a query and for a change with a JSON body", () => {
    for (const req of [LIST, SHARE]) expect(accepted(received(req, signRequest(ALICE, req, AT)))).toBe(true);
  });

  it("is accepted with repeated, unsorted and non-ASCII query values and an encoded path", () => {
    const req: RequestToSign = {
      method: "GET",
      url: new URL("http://emulator.test/v3/ac0e/traces/na%20me?z=1&a=b&a=a&name=%E5%9B%BE%E5%83%8F&x=*'()!"),
      headers: {},
    };
    expect(accepted(received(req, signRequest(ALICE, req, AT)))).toBe(true);
  });

  it("is refused when a signed header, the body, the query, the method or the SK differ", () => {
    const share = received(SHARE, signRequest(ALICE, SHARE, AT));
    expect(accepted(share, DEMO_KEYS.bob.sk)).toBe(false);
    const otherProject = {
      ...share,
      header: (n: string) => (n === "x-project-id" ? "610be0000000000000000000000000a1" : share.header(n)),
    };
    expect(accepted(otherProject)).toBe(false);
    expect(accepted({ ...share, body: share.body.replace("610be", "0b1e0") })).toBe(false);
    expect(accepted({ ...share, method: "DELETE" })).toBe(false);
    const list = received(LIST, signRequest(ALICE, LIST, AT));
    expect(accepted({ ...list, rawQuery: list.rawQuery.replace("limit=2", "limit=3") })).toBe(false);
    expect(accepted({ ...list, date: "20261206T211404Z" })).toBe(false);
  });
});
