import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalQuery,
  canonicalRequests,
  canonicalUris,
  EMPTY_SHA256,
  parseSdkAuthorization,
  parseSdkDate,
  sdkEncode,
  signatureMatches,
  type SignedRequest,
} from "./aksk";

const SIG = "a".repeat(64);
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

function request(over: Partial<SignedRequest> & { headers?: Record<string, string> } = {}): SignedRequest {
  const headers: Record<string, string> = { host: "emu.test", "x-sdk-date": "20261206T210000Z", ...over.headers };
  return {
    method: "GET",
    rawPath: "/v2/cloudimages",
    rawQuery: "",
    body: "",
    date: "20261206T210000Z",
    header: (n) => headers[n],
    ...over,
  };
}

describe("the canonical request", () => {
  it("encodes like the SDKs: RFC 3986 unreserved kept, UTF-8 bytes in upper-case hex", () => {
    expect(sdkEncode("AZaz09-._~")).toBe("AZaz09-._~");
    expect(sdkEncode("a b+c/d*e!'()é:")).toBe("a%20b%2Bc%2Fd%2Ae%21%27%28%29%C3%A9%3A");
  });

  it("sorts the query by name then value and re-encodes what the client encoded its own way", () => {
    expect(canonicalQuery("limit=2&owner=x&a=2&a=1")).toBe("a=1&a=2&limit=2&owner=x");
    // Node's querystring leaves `*` and `'` alone, Python's quote does not: same canonical form.
    expect(canonicalQuery("name=a*b&q=it's")).toBe(canonicalQuery("name=a%2Ab&q=it%27s"));
    expect(canonicalQuery("q=a+b&flag")).toBe("flag=&q=a%20b");
  });

  it("ends the URI in a slash, and tries Node's (as sent) and Python's (decoded) encodings of a path", () => {
    expect(canonicalUris("/v2/cloudimages")).toEqual(["/v2/cloudimages/"]);
    expect(canonicalUris("/v2/")).toEqual(["/v2/"]);
    expect(canonicalUris("/v1/a%20b")).toEqual(["/v1/a%2520b/", "/v1/a%20b/"]);
  });

  it("hashes the body, or takes X-Sdk-Content-Sha256 (UNSIGNED-PAYLOAD, or empty body hash as Python does)", () => {
    const last = (r: SignedRequest) => canonicalRequests(r, ["host"]).map((c) => c.split("\n").at(-1));
    expect(last(request({ method: "POST", body: "{}" }))).toEqual([sha("{}")]);
    expect(last(request({ headers: { "x-sdk-content-sha256": "UNSIGNED-PAYLOAD" } }))).toEqual([
      "UNSIGNED-PAYLOAD",
      EMPTY_SHA256,
    ]);
    expect(last(request({ method: "POST", body: "{}", headers: { "x-sdk-content-sha256": sha("other") } }))).toEqual(
      [],
    );
  });

  it("lists the signed headers' lower-case names and trimmed values in the given order", () => {
    const [canonical] = canonicalRequests(request({ rawQuery: "b=1&a=2", headers: { "x-project-id": " p1 " } }), [
      "host",
      "x-project-id",
      "x-sdk-date",
    ]);
    expect(canonical).toBe(
      [
        "GET",
        "/v2/cloudimages/",
        "a=2&b=1",
        "host:emu.test\nx-project-id:p1\nx-sdk-date:20261206T210000Z\n",
        "host;x-project-id;x-sdk-date",
        EMPTY_SHA256,
      ].join("\n"),
    );
  });

  it("accepts a signature over any variant and nothing else", () => {
    const r = request({ rawPath: "/v1/a%20b" });
    const sign = (canonical: string) =>
      createHmac("sha256", "sk")
        .update(`SDK-HMAC-SHA256\n${r.date}\n${sha(canonical)}`)
        .digest("hex");
    const headers = ["host"];
    for (const canonical of canonicalRequests(r, headers)) {
      expect(signatureMatches(r, { ak: "AK", signedHeaders: headers, signature: sign(canonical) }, "sk")).toBe(true);
      expect(signatureMatches(r, { ak: "AK", signedHeaders: headers, signature: sign(canonical) }, "other")).toBe(
        false,
      );
    }
  });
});

describe("the Authorization and X-Sdk-Date headers", () => {
  it("parses the SDKs' form, with or without spaces after commas", () => {
    const parsed = { ak: "AK1", signedHeaders: ["host", "x-sdk-date"], signature: SIG };
    expect(
      parseSdkAuthorization(`SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=${SIG}`),
    ).toEqual(parsed);
    expect(
      parseSdkAuthorization(`SDK-HMAC-SHA256 Access=AK1,SignedHeaders=host;x-sdk-date,Signature=${SIG.toUpperCase()}`),
    ).toEqual(parsed);
  });

  it("refuses other schemes and missing or malformed parts", () => {
    for (const bad of [
      `AWS4-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=${SIG}`,
      `SDK-HMAC-SHA256 SignedHeaders=host, Signature=${SIG}`,
      `SDK-HMAC-SHA256 Access=AK1, SignedHeaders=Host, Signature=${SIG}`,
      "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=xyz",
      "Bearer abc",
    ]) {
      expect(parseSdkAuthorization(bad), bad).toBeUndefined();
    }
  });

  it("reads YYYYMMDDTHHMMSSZ as UTC and nothing else", () => {
    expect(parseSdkDate("20261206T211403Z")).toBe(Date.UTC(2026, 11, 6, 21, 14, 3));
    for (const bad of ["2026-12-06T21:14:03Z", "20261206T211403", "20261332T000000Z", "20261206T250000Z"]) {
      expect(parseSdkDate(bad), bad).toBeUndefined();
    }
  });
});
