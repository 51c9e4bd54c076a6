import { describe, expect, it } from "vitest";
import { CloudError } from "./errors";

const err = (status: number, code = "X") => new CloudError("ims", status, code, "m");

describe("CloudError says what kind of failure it is", () => {
  it("throttling: 429, or IMG.0060 / APIGW.0308 under any status; never 'may have applied'", () => {
    expect(err(429).isThrottled).toBe(true);
    expect(err(400, "IMG.0060").isThrottled).toBe(true);
    expect(err(503, "APIGW.0308").isThrottled).toBe(true);
    expect(err(503, "APIGW.0308").mayHaveApplied).toBe(false);
    expect(err(400, "IMG.0088").isThrottled).toBe(false);
  });

  it("no answer or a 5xx: unavailable; a change may have been applied unless the service said 503", () => {
    for (const status of [0, 500, 502, 504]) {
      expect(err(status).isUnavailable).toBe(true);
      expect(err(status).mayHaveApplied).toBe(true);
    }
    expect(err(503).isUnavailable).toBe(true);
    expect(err(503).mayHaveApplied).toBe(false);
  });

  it("a 4xx refusal was not applied, and is not unavailability", () => {
    for (const status of [400, 401, 403, 404, 409]) {
      expect(err(status).isUnavailable).toBe(false);
      expect(err(status).mayHaveApplied).toBe(false);
    }
    expect(err(401).isUnauthenticated).toBe(true);
  });

  it("an Organizations refusal answered 401 (no organization, not the management account) is not about the token", () => {
    const orgs = (code: string) => new CloudError("organizations", 401, code, "m");
    expect(orgs("Organizations.1015").isUnauthenticated).toBe(false);
    expect(orgs("Organizations.1002").isUnauthenticated).toBe(false);
    expect(orgs("APIGW.0307").isUnauthenticated).toBe(true);
  });
});
