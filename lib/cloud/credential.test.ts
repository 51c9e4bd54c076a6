import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, DEMO_KEYS } from "@/emulator/seed/demo";
import { signingCredential, signingKeyOf, type SigningKey } from "./credential";
import { CloudError } from "./errors";
import { emulatorPlaying } from "./testing";

const ALICE: SigningKey = { ...DEMO_KEYS.alice, projectId: DEMO.acmeAp, domainId: DEMO.acme };

describe("signing credentials", () => {
  it("are opaque: neither the AK nor the SK can be read in one, and each is new", () => {
    const a = signingCredential(ALICE);
    expect(a).toMatch(/^sdk-hmac\.v1\./);
    expect(a).not.toContain(ALICE.sk);
    expect(a).not.toContain(ALICE.ak);
    expect(signingCredential(ALICE)).not.toBe(a);
    expect(signingKeyOf(a)).toEqual(ALICE);
  });

  it("tell an IAM token apart, and refuse an altered credential rather than send it", () => {
    expect(signingKeyOf("MIIabc-_0123")).toBeUndefined();
    const a = signingCredential(ALICE);
    const flipped = a.slice(0, -2) + (a.at(-2) === "A" ? "B" : "A") + a.at(-1);
    expect(() => signingKeyOf(flipped)).toThrow();
  });
});

/** cloudRequest with a signing credential in place of a token: every call signed, none with X-Auth-Token. */
describe("the cloud client signing with an access key", () => {
  const emulator = emulatorPlaying("A");
  let iam: typeof import("./iam");
  let ims: typeof import("./ims");
  beforeAll(async () => {
    [iam, ims] = await Promise.all([import("./iam"), import("./ims")]);
  });
  const scope = (key = ALICE) => ({
    token: signingCredential(key),
    region: "ap-southeast-1",
    projectId: key.projectId,
  });

  it("lists the project's images (X-Project-Id) and the user's projects (X-Domain-Id), as alice", async () => {
    const seen: Headers[] = [];
    const app = emulator().app;
    const original = app.fetch;
    app.fetch = (req: Request, ...rest) => {
      seen.push(new Headers(req.headers));
      return original.call(app, req, ...rest);
    };
    try {
      const images = await ims.listImages(scope(), { owner: DEMO.acmeAp, limit: 3 });
      expect(images).toHaveLength(3);
      const projects = await iam.listAuthProjects(scope().token, "ap-southeast-1");
      expect(projects.map((p) => p.id).sort()).toEqual([DEMO.acmeAp, DEMO.acmeCn].sort());
    } finally {
      app.fetch = original;
    }
    expect(seen.map((h) => [h.get("x-project-id"), h.get("x-domain-id")])).toEqual([
      [DEMO.acmeAp, null],
      [null, DEMO.acme],
    ]);
    for (const h of seen) {
      expect(h.get("x-auth-token")).toBeNull();
      expect(h.get("authorization")).toMatch(/^SDK-HMAC-SHA256 Access=ACME0ALICE0DEMO00001, SignedHeaders=/);
    }
  });

  it("reads whose an access key is, signed with that key (ShowPermanentAccessKey)", async () => {
    const shown = await iam.showPermanentAccessKey(scope().token, "ap-southeast-1", ALICE.ak);
    expect(shown).toMatchObject({ user_id: DEMO.alice, access: ALICE.ak, status: "active" });
    const audreys = { ...DEMO_KEYS.audrey, projectId: DEMO.acmeAp, domainId: DEMO.acme };
    const other = await iam.showPermanentAccessKey(scope(audreys).token, "ap-southeast-1", audreys.ak);
    expect(other.user_id).toBe(DEMO.audrey);
  });

  it("answers a wrong SK with the gateway's 401, and a project of another account too", async () => {
    for (const key of [
      { ...ALICE, sk: DEMO_KEYS.bob.sk },
      { ...ALICE, projectId: DEMO.globexAp },
    ]) {
      const error = await ims.listImages(scope(key), { limit: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CloudError);
      expect(error).toMatchObject({ status: 401, code: "APIGW.0301" });
    }
  });
});
