import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isoSeconds } from "../core/time";
import { DEMO, DEMO_KEYS, DEMO_PASSWORDS } from "../seed/demo";
import { testEmulator, type TestEmulator, type TestResponse } from "../testing";

const ROOT = "r-acme0001";
const urn = (kind: string, id?: string) => `organizations::${DEMO.acme}:${kind}:${DEMO.org}${id ? `/${id}` : ""}`;
const MANAGER_ONLY = /only from the management account/;

let t: TestEmulator;
let alice: string, bob: string, dave: string;

beforeEach(async () => {
  t = testEmulator();
  [alice, bob, dave] = await Promise.all([t.login("alice"), t.login("bob"), t.login("dave")]);
});
afterEach(() => t.close());

const get = (path: string, token?: string) => t.call("GET", path, { token });
const created = () => isoSeconds(t.emu.world.organizations.get(DEMO.org)!.createdAt!);
const ids = (res: TestResponse, key: string) => res.body[key].map((e: { id: string }) => e.id);

function expectRefusal(res: TestResponse, status: number, code: string, message?: RegExp) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({
    error_code: code,
    error_msg: message ? expect.stringMatching(message) : expect.any(String),
    request_id: res.headers.get("x-request-id"),
  });
}

describe("ShowOrganization", () => {
  it("answers the management account with its organization", async () => {
    const res = await get("/v1/organizations", alice);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      organization: {
        id: DEMO.org,
        urn: urn("organization"),
        management_account_id: DEMO.acme,
        management_account_name: "acme",
        created_at: created(),
      },
    });
  });

  it("answers a member account with the same organization", async () => {
    const [globex, initech] = [
      await get("/v1/organizations", bob),
      await get("/v1/organizations", await t.login("carol")),
    ];
    expect(globex.body).toEqual((await get("/v1/organizations", alice)).body);
    expect(initech.body.organization.management_account_name).toBe("acme");
  });

  it("refuses an account outside any organization with 401 Organizations.1015", async () => {
    expectRefusal(await get("/v1/organizations", dave), 401, "Organizations.1015", /organization is not found/);
  });
});

describe("the management account's lists", () => {
  it("lists the one root", async () => {
    const res = await get("/v1/organizations/roots", alice);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      roots: [{ id: ROOT, urn: urn("root", ROOT), name: "Root", policy_types: [], created_at: created() }],
      page_info: { next_marker: null, current_count: 1 },
    });
  });

  it("lists the units under the root, under a unit, and all of them", async () => {
    const underRoot = await get(`/v1/organizations/organizational-units?parent_id=${ROOT}`, alice);
    expect(underRoot.body).toEqual({
      organizational_units: [
        { id: DEMO.orgUnit, urn: urn("ou", DEMO.orgUnit), name: "partners", created_at: created() },
      ],
      page_info: { next_marker: null, current_count: 1 },
    });
    const underUnit = await get(`/v1/organizations/organizational-units?parent_id=${DEMO.orgUnit}`, alice);
    expect(underUnit.body).toEqual({ organizational_units: [], page_info: { next_marker: null, current_count: 0 } });
    expect(ids(await get("/v1/organizations/organizational-units", alice), "organizational_units")).toEqual([
      DEMO.orgUnit,
    ]);
  });

  it("lists the accounts under each parent, named after their domains, and all of them", async () => {
    const all = await get("/v1/organizations/accounts", alice);
    expect(all.status).toBe(200);
    expect(all.body.accounts).toEqual(
      [
        [DEMO.acme, "acme"],
        [DEMO.globex, "globex"],
        [DEMO.initech, "initech"],
      ].map(([id, name]) => ({
        id,
        urn: urn("account", id),
        join_method: "invited",
        status: "active",
        joined_at: created(),
        name,
      })),
    );
    expect(ids(await get(`/v1/organizations/accounts?parent_id=${ROOT}`, alice), "accounts")).toEqual([DEMO.acme]);
    expect(ids(await get(`/v1/organizations/accounts?parent_id=${DEMO.orgUnit}`, alice), "accounts")).toEqual([
      DEMO.globex,
      DEMO.initech,
    ]);
  });

  it("nests a unit in another when the world says so", async () => {
    const org = t.emu.world.organizations.get(DEMO.org)!;
    org.units.push({ id: "ou-resellers1", name: "resellers", parentId: DEMO.orgUnit, domainIds: [DEMO.umbrella] });
    const nested = await get(`/v1/organizations/organizational-units?parent_id=${DEMO.orgUnit}`, alice);
    expect(ids(nested, "organizational_units")).toEqual(["ou-resellers1"]);
    const underRoot = await get(`/v1/organizations/organizational-units?parent_id=${ROOT}`, alice);
    expect(ids(underRoot, "organizational_units")).toEqual([DEMO.orgUnit]);
    expect(ids(await get("/v1/organizations/accounts?parent_id=ou-resellers1", alice), "accounts")).toEqual([
      DEMO.umbrella,
    ]);
    expect((await get("/v1/organizations", dave)).body.organization.id).toBe(DEMO.org);
  });

  it("refuses a parent that is malformed or not of the organization", async () => {
    for (const parent of ["ou-nosuchunit", "r-other001", "partners", "ou-x"]) {
      expectRefusal(
        await get(`/v1/organizations/accounts?parent_id=${parent}`, alice),
        400,
        "Organizations.1000",
        /parent_id/,
      );
    }
    expectRefusal(await get("/v1/organizations/organizational-units?parent_id=ou-x", alice), 400, "Organizations.1000");
  });
});

describe("paging with limit and marker", () => {
  it("walks the accounts one page at a time until next_marker is null", async () => {
    const seen: string[] = [];
    let marker = "";
    for (let pages = 1; ; pages++) {
      const res = await get(`/v1/organizations/accounts?limit=1${marker && `&marker=${marker}`}`, alice);
      expect(res.status).toBe(200);
      expect(res.body.page_info.current_count).toBe(1);
      seen.push(...ids(res, "accounts"));
      if (res.body.page_info.next_marker === null) {
        expect(pages).toBe(3);
        break;
      }
      marker = res.body.page_info.next_marker;
      expect(marker).toBe(seen[seen.length - 1]);
    }
    expect(seen).toEqual([DEMO.acme, DEMO.globex, DEMO.initech]);
    const two = await get("/v1/organizations/accounts?limit=2", alice);
    expect(two.body.page_info).toEqual({ next_marker: DEMO.globex, current_count: 2 });
  });

  it("refuses a limit outside 1 to 2000 (200 with contact details) and a marker it did not give", async () => {
    for (const query of ["limit=0", "limit=2001", "limit=ten", "marker=nosuchmarker", "marker=ab", "marker=a%20bcd"]) {
      expectRefusal(await get(`/v1/organizations/accounts?${query}`, alice), 400, "Organizations.1000");
    }
    expectRefusal(await get("/v1/organizations/roots?limit=2001", alice), 400, "Organizations.1000", /limit/);
    expect((await get("/v1/organizations/accounts?limit=2000", alice)).status).toBe(200);
    expect((await get("/v1/organizations/accounts?with_register_contact_info=true&limit=200", alice)).status).toBe(200);
    for (const query of ["with_register_contact_info=true&limit=201", "with_register_contact_info=yes"]) {
      expectRefusal(await get(`/v1/organizations/accounts?${query}`, alice), 400, "Organizations.1000");
    }
  });
});

describe("who may list", () => {
  const LISTS = [
    "/v1/organizations/roots",
    `/v1/organizations/organizational-units?parent_id=${ROOT}`,
    "/v1/organizations/accounts",
  ];

  it("refuses a member account with 401 Organizations.1002, as documented", async () => {
    for (const path of LISTS) expectRefusal(await get(path, bob), 401, "Organizations.1002", MANAGER_ONLY);
  });

  it("refuses an account outside any organization with Organizations.1015", async () => {
    for (const path of LISTS) expectRefusal(await get(path, dave), 401, "Organizations.1015");
  });

  it("answers those refusals 403 when organizations.refusalStatus says so", async () => {
    t.close();
    t = testEmulator({ organizations: { refusalStatus: 403 } });
    expectRefusal(await get(LISTS[2], await t.login("bob")), 403, "Organizations.1002");
    expectRefusal(await get("/v1/organizations", await t.login("dave")), 403, "Organizations.1015");
  });

  it("lets every IAM user of the management account list, read-only ones too", async () => {
    expect((await get(LISTS[2], await t.login("audrey"))).status).toBe(200);
  });
});

describe("authentication of a global service", () => {
  it("refuses a missing, unknown or expired token with the gateway's 401", async () => {
    expectRefusal(await get("/v1/organizations"), 401, "APIGW.0301", /x-auth-token not found/);
    expectRefusal(await get("/v1/organizations/accounts", "not-a-token"), 401, "APIGW.0301");
    t.emu.clock.advance(25 * 3600 * 1000);
    expectRefusal(await get("/v1/organizations", alice), 401, "APIGW.0307");
  });

  it("takes a token scoped to the account's domain or to any of its projects, not an unscoped one", async () => {
    const token = async (scope?: unknown) => {
      const identity = {
        methods: ["password"],
        password: { user: { name: "alice", password: DEMO_PASSWORDS.alice, domain: { name: "acme" } } },
      };
      const res = await t.call("POST", "/v3/auth/tokens", { body: { auth: { identity, scope } } });
      return res.headers.get("x-subject-token")!;
    };
    expect((await get("/v1/organizations/accounts", await token({ domain: { name: "acme" } }))).status).toBe(200);
    expect((await get("/v1/organizations", await t.login("alice", "cn-north-4"))).status).toBe(200);
    expectRefusal(await get("/v1/organizations", await token()), 401, "APIGW.0301", /not scoped/);
  });

  it("takes an AK/SK signature with the SDK's X-Domain-Id (or a project of the pair's account)", async () => {
    const signed = (sign: { ak: string; sk: string }, headers: Record<string, string>, path = "/v1/organizations") =>
      t.call("GET", path, { sign, headers });
    const asAlice = await signed(DEMO_KEYS.alice, { "X-Domain-Id": DEMO.acme }, "/v1/organizations/accounts?limit=2");
    expect(asAlice.status).toBe(200);
    expect(ids(asAlice, "accounts")).toEqual([DEMO.acme, DEMO.globex]);
    expect((await signed(DEMO_KEYS.alice, { "X-Project-Id": DEMO.acmeCn })).status).toBe(200);
    const asBob = await signed(DEMO_KEYS.bob, { "X-Domain-Id": DEMO.globex });
    expect(asBob.body.organization.id).toBe(DEMO.org);
    expectRefusal(
      await signed(DEMO_KEYS.bob, { "X-Domain-Id": DEMO.globex }, "/v1/organizations/roots"),
      401,
      "Organizations.1002",
    );
    expectRefusal(await signed(DEMO_KEYS.alice, {}), 401, "APIGW.0301", /x-domain-id not found/);
    expectRefusal(await signed(DEMO_KEYS.alice, { "X-Domain-Id": DEMO.globex }), 401, "APIGW.0301");
    expectRefusal(await signed(DEMO_KEYS.alice, { "X-Project-Id": DEMO.globexAp }), 401, "APIGW.0301");
    const wrongSk = await signed({ ak: DEMO_KEYS.alice.ak, sk: DEMO_KEYS.bob.sk }, { "X-Domain-Id": DEMO.acme });
    expectRefusal(wrongSk, 401, "APIGW.0301", /verify aksk signature fail/);
  });
});
