import { describe, expect, it } from "vitest";
import { CloudError, parseErrorBody, parseRetryAfter } from "./cloud/errors";
import { ERRORS, toAppError } from "./errors";

describe("upstream error bodies", () => {
  it("reads every shape of the reference's section 1.3", () => {
    expect(parseErrorBody({ error: { message: "The image ID is incorrect.", code: "IMG.0066" } })).toEqual({
      code: "IMG.0066",
      message: "The image ID is incorrect.",
    });
    expect(
      parseErrorBody({ error_msg: "The token must be updated.", error_code: "APIGW.0307", request_id: "x" }),
    ).toEqual({ code: "APIGW.0307", message: "The token must be updated." });
    expect(
      parseErrorBody({ request_id: "x", error_code: "CPS.0030", error_msg: "Parameter: image_id is invalid." }),
    ).toEqual({ code: "CPS.0030", message: "Parameter: image_id is invalid." });
    expect(
      parseErrorBody({ error: { message: "The username or password is wrong.", code: 401, title: "Unauthorized" } }),
    ).toEqual({ code: "401", message: "The username or password is wrong." });
    expect(parseErrorBody({ request_id: "x", code: "SMN.0006", message: "Topic not found." })).toEqual({
      code: "SMN.0006",
      message: "Topic not found.",
    });
    expect(parseErrorBody("<html>502</html>")).toEqual({});
    expect(parseErrorBody(undefined)).toEqual({});
  });

  it("reads Retry-After in seconds or as a date", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("error vocabulary", () => {
  it("explains known upstream codes and keeps them as a reference", () => {
    const e = toAppError(
      new CloudError("ims", 400, "IMG.0088", "The number of shared images has reached the maximum allowed.", "req-1"),
    );
    expect(e).toEqual({
      code: "quota_exceeded",
      message: ERRORS.quota_exceeded[1],
      upstreamCode: "IMG.0088",
      upstreamRequestId: "req-1",
    });
    expect(toAppError(new CloudError("ims", 400, "IMG.0098", "x")).message).toBe("Encrypted images cannot be shared.");
    expect(toAppError(new CloudError("ims", 401, "APIGW.0307", "x")).code).toBe("session_expired");
  });

  it("maps unknown codes by status, and transport failures by kind", () => {
    expect(toAppError(new CloudError("cph", 403, "CPS.0001", "x")).code).toBe("forbidden");
    expect(toAppError(new CloudError("ims", 429, "X", "x")).code).toBe("rate_limited");
    expect(toAppError(new CloudError("ims", 503, "X", "x")).code).toBe("upstream_unavailable");
    expect(toAppError(new CloudError("ims", 0, "timeout", "x")).code).toBe("timeout");
    expect(toAppError(new CloudError("iam", 0, "unreachable", "x")).code).toBe("iam_unreachable");
    expect(toAppError(new CloudError("organizations", 401, "APIGW.0301", "x")).code).toBe("session_expired");
    expect(toAppError(new CloudError("organizations", 401, "Organizations.1002", "x")).code).toBe("forbidden");
    const refused = toAppError(new CloudError("ims", 400, "IMG.0999", "Something specific."));
    expect(refused).toMatchObject({
      code: "invalid_input",
      message: "Huawei Cloud refused the request: Something specific.",
    });
  });

  it("reads a CPH duplicate share the same whether it comes as 400 or 409 (D8); an unknown image as not found", () => {
    const message = "The image has already been shared with this project.";
    const as400 = toAppError(new CloudError("cph", 400, "CPS.0030", message));
    const as409 = toAppError(new CloudError("cph", 409, "CPS.0030", message));
    expect(as409).toEqual(as400);
    expect(as409).toMatchObject({ code: "invalid_input", message: `Huawei Cloud refused the request: ${message}` });
    expect(toAppError(new CloudError("cph", 404, "CPS.0030", "Parameter: image_id is invalid.")).code).toBe(
      "not_found",
    );
    expect(toAppError(new CloudError("ims", 409, "IMG.0999", "x")).code).toBe("conflict");
  });

  it("reads SMN's refusal of a subject or message as bad input though it comes as 403", () => {
    const message = toAppError(new CloudError("smn", 403, "SMN.0009", "Parameter: Message is invalid."));
    expect(message).toMatchObject({
      code: "invalid_input",
      message: "Huawei Cloud refused the request: Parameter: Message is invalid.",
      upstreamCode: "SMN.0009",
    });
    expect(toAppError(new CloudError("smn", 400, "SMN.0008", "Parameter: Subject is invalid.")).code).toBe(
      "invalid_input",
    );
    expect(toAppError(new CloudError("smn", 403, "SMN.0001", "No permission to request resources.")).code).toBe(
      "forbidden",
    );
  });

  it("shows an answer the console could not read with its request id as the reference", () => {
    const e = toAppError(
      new CloudError("ims", 200, "invalid_response", "Unexpected answer from IMS GET /v2/cloudimages.", "0a1b2c"),
    );
    expect(e).toEqual({
      code: "invalid_response",
      message: `${ERRORS.invalid_response[1]} Reference: 0a1b2c.`,
      upstreamRequestId: "0a1b2c",
    });
    expect(toAppError(new CloudError("iam", 201, "invalid_response", "IAM answered without a token.")).message).toBe(
      ERRORS.invalid_response[1],
    );
  });

  it("never shows raw text of unexpected errors", () => {
    const e = toAppError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(e).toEqual({ code: "internal", message: ERRORS.internal[1] });
  });
});
