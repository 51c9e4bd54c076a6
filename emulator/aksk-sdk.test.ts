import { serve, type ServerType } from "@hono/node-server";
import { BasicCredentials, GlobalCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { HcClient, type HttpRequestOptions } from "@huaweicloud/huaweicloud-sdk-core/HcClient";
import { DefaultHttpClient } from "@huaweicloud/huaweicloud-sdk-core/http/DefaultHttpClient";
import { LogLevel, type Logger } from "@huaweicloud/huaweicloud-sdk-core/logger";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acmeImageId, DEMO, DEMO_KEYS, DEMO_TOPICS } from "./seed/demo";
import { testEmulator, type TestEmulator } from "./testing";

/**
 * Huawei's own Node SDK core (@huaweicloud/huaweicloud-sdk-core) signing against the emulator over
 * HTTP: its AKSKSigner, its axios client, its query serialisation. The client is built from HcClient
 * directly, as a generated service client would be (the core's ClientBuilder needs `uuid`, which the
 * package does not declare).
 */

const UBUNTU = acmeImageId(1);
let t: TestEmulator;
let server: ServerType;
let endpoint: string;

beforeAll(async () => {
  t = testEmulator();
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.close();
});

/** The SDK logs every refused call with its whole request; the refusals here are expected. */
const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

function client(credentials: BasicCredentials | GlobalCredentials): HcClient {
  return new HcClient(new DefaultHttpClient({ logger: quiet }, [endpoint]))
    .withCredential(credentials)
    .withEndpoints([endpoint]);
}

const basic = (key: { ak: string; sk: string }, projectId: string) =>
  client(new BasicCredentials().withAk(key.ak).withSk(key.sk).withProjectId(projectId));

function send(
  c: HcClient,
  options: Partial<HttpRequestOptions> & Pick<HttpRequestOptions, "method" | "url">,
): Promise<any> {
  return c.sendRequest({ contentType: "application/json", queryParams: {}, pathParams: {}, headers: {}, ...options });
}

describe("the Huawei Node SDK core's AK/SK signer against the emulator", () => {
  it("lists images with a query (ListImages as the IMS client sends it)", async () => {
    const res = await send(basic(DEMO_KEYS.alice, DEMO.acmeAp), {
      method: "GET",
      url: "/v2/cloudimages",
      queryParams: { owner: DEMO.acmeAp, limit: 2, sort_key: "name", name: "app-01", __imagetype: "private" },
    });
    expect(res.httpStatusCode).toBe(200);
    expect(res.images.map((i: { name: string }) => i.name)).toEqual(["app-01"]);
  });

  it("shares and unshares with JSON bodies (BatchAddMembers, BatchDeleteMembers)", async () => {
    const alice = basic(DEMO_KEYS.alice, DEMO.acmeAp);
    const json = "application/json;charset=UTF-8";
    const body = { images: [UBUNTU], projects: [DEMO.globexAp] };
    const added = await send(alice, { method: "POST", url: "/v1/cloudimages/members", contentType: json, data: body });
    expect(added.job_id).toMatch(/^[0-9a-f]{32}$/);
    expect(t.emu.world.membersOf(UBUNTU).get(DEMO.globexAp)).toMatchObject({ status: "pending" });
    const removed = await send(alice, {
      method: "DELETE",
      url: "/v1/cloudimages/members",
      contentType: json,
      data: body,
    });
    expect(removed.job_id).toMatch(/^[0-9a-f]{32}$/);
    expect(t.emu.world.memberCount(UBUNTU)).toBe(0);
  });

  it("fills {project_id} from the credentials on CPH paths", async () => {
    const res = await send(basic(DEMO_KEYS.alice, DEMO.acmeAp), {
      method: "GET",
      url: "/v1/{project_id}/cloud-phone/images",
      queryParams: { limit: 5 },
    });
    expect(res.httpStatusCode).toBe(200);
  });

  it("surfaces the gateway's 401 APIGW.0301 for a wrong SK and another account's project", async () => {
    const wrongSk = basic({ ak: DEMO_KEYS.alice.ak, sk: DEMO_KEYS.bob.sk }, DEMO.acmeAp);
    await expect(send(wrongSk, { method: "GET", url: "/v2/cloudimages" })).rejects.toMatchObject({
      httpStatusCode: 401,
      errorCode: "APIGW.0301",
    });
    const otherProject = basic(DEMO_KEYS.alice, DEMO.globexAp);
    await expect(send(otherProject, { method: "GET", url: "/v2/cloudimages" })).rejects.toMatchObject({
      httpStatusCode: 401,
      errorCode: "APIGW.0301",
    });
  });

  it("publishes to an SMN topic with the URN unencoded in the path, as the SMN client fills it", async () => {
    const alice = basic(DEMO_KEYS.alice, DEMO.acmeAp);
    const publish = (urn: string) =>
      send(alice, {
        method: "POST",
        url: "/v2/{project_id}/notifications/topics/{topic_urn}/publish",
        contentType: "application/json;charset=UTF-8",
        pathParams: { topic_urn: urn },
        data: { subject: "sdk", message: "from the Node SDK" },
      });
    expect((await publish(DEMO_TOPICS.imshareAlerts)).message_id).toMatch(/^[0-9a-f]{32}$/);
    expect(t.emu.world.smnMessages.at(-1)).toMatchObject({ message: "from the Node SDK", user_id: DEMO.alice });
    // SMN's documented body {"request_id","code","message"} is read by the Go SDK's core, not by the Node
    // SDK's, which keeps only the status: the console parses it itself (lib/cloud/errors.ts).
    await expect(publish(DEMO_TOPICS.globexAlerts)).rejects.toMatchObject({
      httpStatusCode: 404,
      errorCode: undefined,
    });
  });

  it("lists the account's projects with global credentials (X-Domain-Id)", async () => {
    const global = client(
      new GlobalCredentials().withAk(DEMO_KEYS.bob.ak).withSk(DEMO_KEYS.bob.sk).withDomainId(DEMO.globex),
    );
    const res = await send(global, { method: "GET", url: "/v3/auth/projects" });
    expect(res.projects.map((p: { id: string }) => p.id).sort()).toEqual([DEMO.globexAp, DEMO.globexCn].sort());
  });

  it("reads Organizations with global credentials, and surfaces its own error code to a member account", async () => {
    const global = (key: { ak: string; sk: string }, domainId: string) =>
      client(new GlobalCredentials().withAk(key.ak).withSk(key.sk).withDomainId(domainId));
    const res = await send(global(DEMO_KEYS.alice, DEMO.acme), {
      method: "GET",
      url: "/v1/organizations/accounts",
      queryParams: { parent_id: DEMO.orgUnit, limit: 1 },
    });
    expect(res.accounts.map((a: { name: string }) => a.name)).toEqual(["globex"]);
    expect(res.page_info).toEqual({ next_marker: DEMO.globex, current_count: 1 });
    await expect(
      send(global(DEMO_KEYS.bob, DEMO.globex), { method: "GET", url: "/v1/organizations/roots" }),
    ).rejects.toMatchObject({ httpStatusCode: 401, errorCode: "Organizations.1002" });
  });
});
