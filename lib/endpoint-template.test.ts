import { describe, expect, it } from "vitest";
import { fillEndpoint } from "./endpoint-template";

const HUAWEI = "https://{service}.{region}.myhuaweicloud.com";

describe("fillEndpoint", () => {
  it("fills the template for regional services, and ignores the global services' own endpoints", () => {
    const templates = { CLOUD_ENDPOINT: HUAWEI, ORGANIZATIONS_ENDPOINT: "https://organizations.myhuaweicloud.com" };
    expect(fillEndpoint(templates, "ims", "ap-southeast-1")).toBe("https://ims.ap-southeast-1.myhuaweicloud.com");
  });

  it("gives Organizations its own global endpoint, falling back to CLOUD_ENDPOINT when unset or empty", () => {
    const global = { CLOUD_ENDPOINT: HUAWEI, ORGANIZATIONS_ENDPOINT: "https://organizations.myhuaweicloud.com/" };
    expect(fillEndpoint(global, "organizations", "ap-southeast-1")).toBe("https://organizations.myhuaweicloud.com");
    for (const ORGANIZATIONS_ENDPOINT of [undefined, ""]) {
      const templates = { CLOUD_ENDPOINT: "http://127.0.0.1:4410/", ORGANIZATIONS_ENDPOINT };
      expect(fillEndpoint(templates, "organizations", "ap-southeast-1")).toBe("http://127.0.0.1:4410");
    }
  });

  it("keeps IAM's own endpoint apart from Organizations'", () => {
    const templates = { CLOUD_ENDPOINT: HUAWEI, IAM_ENDPOINT: "https://iam.myhuaweicloud.com" };
    expect(fillEndpoint(templates, "iam", "cn-north-4")).toBe("https://iam.myhuaweicloud.com");
    expect(fillEndpoint(templates, "organizations", "cn-north-4")).toBe(
      "https://organizations.cn-north-4.myhuaweicloud.com",
    );
  });
});
