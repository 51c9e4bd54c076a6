import { describe, expect, it } from "vitest";
import { parseConformanceEnv } from "./env";

const required = {
  CONFORMANCE_REGION: "ap-southeast-3",
  CONFORMANCE_ACCOUNT: "acme",
  CONFORMANCE_USER: "alice",
  CONFORMANCE_PASSWORD: "secret",
  CONFORMANCE_PROJECT: "ap-southeast-3",
};

describe("the conformance environment", () => {
  it("builds endpoints from the console's templates, IAM falling back to CLOUD_ENDPOINT when unset or empty", () => {
    const parsed = parseConformanceEnv({
      ...required,
      CLOUD_ENDPOINT: "https://{service}.{region}.myhuaweicloud.com/",
      IAM_ENDPOINT: "",
    });
    if (!parsed.ok) throw new Error("expected a config");
    expect(parsed.config.endpoint("ims")).toBe("https://ims.ap-southeast-3.myhuaweicloud.com");
    expect(parsed.config.endpoint("iam")).toBe("https://iam.ap-southeast-3.myhuaweicloud.com");
    const global = parseConformanceEnv({
      ...required,
      CLOUD_ENDPOINT: "https://{service}.{region}.myhuaweicloud.com",
      IAM_ENDPOINT: "https://iam.myhuaweicloud.com",
    });
    expect(global.ok && global.config.endpoint("iam")).toBe("https://iam.myhuaweicloud.com");
  });

  it("asks for a recipient only as a whole: an incomplete one is no recipient", () => {
    const parsed = parseConformanceEnv({
      ...required,
      CONFORMANCE_RECIPIENT_ACCOUNT: "globex",
      CONFORMANCE_RECIPIENT_USER: "bob",
    });
    expect(parsed.ok && parsed.config.recipient).toBeUndefined();
  });
});
