import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO, DEMO_PASSWORDS } from "@/emulator/seed/demo";
import { toAppError } from "@/lib/errors";
import { CloudError } from "./errors";
import { emulatorPlaying } from "./testing";

const ROOT = "r-acme0001";
const urn = (kind: string, id?: string) => `organizations::${DEMO.acme}:${kind}:${DEMO.org}${id ? `/${id}` : ""}`;
const USERS = { alice: "acme", bob: "globex", carol: "initech", dave: "umbrella" } as const;
type User = keyof typeof USERS;

/**
 * The Organizations client against the emulator over loopback. No disputed row touches Organizations,
 * so one reading is enough; the refusals are tried at both the documented 401 and 403.
 */
describe.each([401, 403] as const)("Organizations client, refusals answered %s", (refusalStatus) => {
  const emulatorNow = emulatorPlaying("A", { organizations: { refusalStatus } });
  let emulator: ReturnType<typeof emulatorNow>;
  let iam: typeof import("./iam");
  let orgs: typeof import("./organizations");

  beforeAll(async () => {
    [iam, orgs] = await Promise.all([import("./iam"), import("./organizations")]);
  });
  beforeEach(() => {
    emulator = emulatorNow();
    emulator.reset();
  });

  /** A console session's scope: a token scoped to the user's ap-southeast-1 project. */
  async function scope(user: User) {
    const input = { account: USERS[user], user, password: DEMO_PASSWORDS[user], project: "ap-southeast-1" };
    const { token } = await iam.createTokenByPassword(input, "ap-southeast-1");
    return { token, region: "ap-southeast-1" };
  }

  const ACME = {
    id: DEMO.org,
    urn: urn("organization"),
    managementAccountId: DEMO.acme,
    managementAccountName: "acme",
  };

  it("reads acme's whole organization: its unit and every account under its parent", async () => {
    expect(await orgs.readOrganization(await scope("alice"))).toEqual({
      ...ACME,
      units: [{ id: DEMO.orgUnit, name: "partners", urn: urn("ou", DEMO.orgUnit), parentId: ROOT }],
      accounts: [
        { id: DEMO.acme, name: "acme", urn: urn("account", DEMO.acme), parentId: ROOT },
        { id: DEMO.globex, name: "globex", urn: urn("account", DEMO.globex), parentId: DEMO.orgUnit },
        { id: DEMO.initech, name: "initech", urn: urn("account", DEMO.initech), parentId: DEMO.orgUnit },
      ],
      listable: true,
    });
  });

  it("reads the organization alone for globex, a member account that may not list", async () => {
    const view = await orgs.readOrganization(await scope("bob"));
    expect(view).toEqual({ ...ACME, units: [], accounts: [], listable: false });
    expect(await orgs.readOrganization(await scope("carol"))).toEqual(view);
  });

  it("reads nothing for umbrella, in no organization", async () => {
    expect(await orgs.readOrganization(await scope("dave"))).toBeUndefined();
  });

  it("walks units nested in units, and reads every page of a parent's accounts", async () => {
    const org = emulator.emu.world.organizations.get(DEMO.org)!;
    const many = Array.from({ length: 1005 }, (_, i) => `f1f1${i.toString(16).padStart(28, "0")}`);
    org.units.push(
      { id: "ou-resellers1", name: "resellers", parentId: DEMO.orgUnit, domainIds: [DEMO.umbrella] },
      { id: "ou-deepest01", name: "deepest", parentId: "ou-resellers1", domainIds: many },
    );
    const view = await orgs.readOrganization(await scope("alice"));
    expect(view?.units.map((u) => [u.id, u.parentId])).toEqual([
      [DEMO.orgUnit, ROOT],
      ["ou-resellers1", DEMO.orgUnit],
      ["ou-deepest01", "ou-resellers1"],
    ]);
    expect(view?.accounts.find((a) => a.id === DEMO.umbrella)).toMatchObject({
      name: "umbrella",
      parentId: "ou-resellers1",
    });
    const deepest = view?.accounts.filter((a) => a.parentId === "ou-deepest01").map((a) => a.id);
    expect(deepest).toEqual(many);
    // One call under each of the four parents, and a second page under the one with 1,005 accounts.
    expect(emulator.stats.snapshot().routes["GET /v1/organizations/accounts"]).toBe(5);
  });

  it("says what the verbs say: the organization, its roots, and one page at a time with the next marker", async () => {
    const alice = await scope("alice");
    expect(await orgs.showOrganization(alice)).toMatchObject({
      id: DEMO.org,
      management_account_id: DEMO.acme,
      management_account_name: "acme",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    const { roots, marker: noMore } = await orgs.listRoots(alice);
    expect(roots).toMatchObject([{ id: ROOT, name: "Root", urn: urn("root", ROOT) }]);
    expect(noMore).toBeUndefined();
    const first = await orgs.listAccounts(alice, { limit: 2 });
    expect(first.accounts.map((a) => a.name)).toEqual(["acme", "globex"]);
    expect(first.marker).toBe(DEMO.globex);
    const second = await orgs.listAccounts(alice, { limit: 2, marker: first.marker });
    expect(second).toEqual({ accounts: [expect.objectContaining({ name: "initech" })], marker: undefined });
    const units = await orgs.listOrganizationalUnits(alice, { parent_id: ROOT });
    expect(units.organizationalUnits.map((u) => u.name)).toEqual(["partners"]);
  });

  it("throws Organizations' refusals as CloudErrors that do not end the session", async () => {
    const refused = await orgs.listRoots(await scope("bob")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CloudError);
    expect(refused).toMatchObject({ service: "organizations", status: refusalStatus, code: "Organizations.1002" });
    expect(orgs.isNotManagementAccount(refused)).toBe(true);
    expect((refused as CloudError).isUnauthenticated).toBe(false);
    expect(toAppError(refused).code).toBe("forbidden");
    const outside = await orgs.showOrganization(await scope("dave")).catch((e: unknown) => e);
    expect(orgs.isNotInOrganization(outside)).toBe(true);
    expect(orgs.isNotManagementAccount(outside)).toBe(false);
  });

  it("lets any other failure through: a token the cloud does not know still ends the session", async () => {
    const error = await orgs.readOrganization({ token: "not-a-token", region: "ap-southeast-1" }).catch((e) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ status: 401, code: "APIGW.0301", isUnauthenticated: true });
    await emulator.call("POST", "/__emulator/faults/routes", {
      body: { path: "/v1/organizations/accounts", status: 400, code: "Organizations.1000", times: 1 },
    });
    await expect(orgs.readOrganization(await scope("alice"))).rejects.toMatchObject({ code: "Organizations.1000" });
  });
});
