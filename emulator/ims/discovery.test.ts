import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../seed/demo";
import { testEmulator, type TestEmulator } from "../testing";

let emu: TestEmulator;
let alice: string;

beforeEach(async () => {
  emu = testEmulator();
  alice = await emu.login("alice");
});
afterEach(() => emu.close());

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  maxLength?: number;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
}

const TYPES: Record<string, (v: unknown) => boolean> = {
  null: (v) => v === null,
  string: (v) => typeof v === "string",
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === "number",
  boolean: (v) => typeof v === "boolean",
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
};

/** The JSON Schema keywords these schemas use, checked the way warlock (glanceclient) checks them. */
function violations(schema: Schema, value: unknown, path = "$"): string[] {
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length && !types.some((t) => TYPES[t](value))) return [`${path}: not ${types.join("|")}`];
  const out: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) out.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === "string" && schema.pattern && !new RegExp(schema.pattern).test(value))
    out.push(`${path}: pattern`);
  if (typeof value === "string" && schema.maxLength !== undefined && value.length > schema.maxLength)
    out.push(`${path}: too long`);
  if (Array.isArray(value) && schema.items)
    value.forEach((v, i) => out.push(...violations(schema.items as Schema, v, `${path}[${i}]`)));
  if (TYPES.object(value)) {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const property = schema.properties?.[key];
      if (property) out.push(...violations(property, v, `${path}.${key}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${key}: not allowed`);
      else if (typeof schema.additionalProperties === "object")
        out.push(...violations(schema.additionalProperties, v, `${path}.${key}`));
    }
  }
  return out;
}

async function schema(name: string): Promise<Schema & Record<string, unknown>> {
  const res = await emu.call("GET", `/v2/schemas/${name}`, { token: alice });
  expect(res.status).toBe(200);
  return res.body;
}

const member = {
  image_id: "1b7f0000-0000-4000-8000-000000000002",
  member_id: DEMO.globexAp,
  status: "accepted",
  created_at: "2026-01-05T08:15:42Z",
  updated_at: "2026-01-06T08:15:42Z",
  schema: "/v2/schemas/member",
  member_type: "project",
};

describe("image version discovery", () => {
  it("lists image versions only on / and /versions, without a token", async () => {
    for (const path of ["/", "/versions"]) {
      const res = await emu.call("GET", path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        versions: [{ id: "v2.0", status: "CURRENT", links: [{ rel: "self", href: "http://emulator.test/v2/" }] }],
      });
    }
  });
});

describe("GET /v2/schemas/*", () => {
  it("needs a token, answered in the nested Glance shape", async () => {
    for (const name of ["image", "images", "member", "members"]) {
      const res = await emu.call("GET", `/v2/schemas/${name}`);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("APIGW.0301");
    }
  });

  it("describes members, and member objects validate against it", async () => {
    const s = await schema("member");
    expect(s.name).toBe("member");
    expect(Object.keys(s.properties ?? {}).sort()).toEqual([
      "created_at",
      "image_id",
      "member_id",
      "schema",
      "status",
      "updated_at",
    ]);
    expect(s.properties?.status.enum).toEqual(["pending", "accepted", "rejected"]);
    expect(violations(s, member)).toEqual([]);
    expect(violations(s, { ...member, status: "maybe" })).not.toEqual([]);
    expect(violations(s, { ...member, image_id: "1b7f0000" })).not.toEqual([]);
  });

  it("wraps the member schema in the members schema with a describedby link", async () => {
    const members = await schema("members");
    expect(members.name).toBe("members");
    expect(members.properties?.members).toEqual({ type: "array", items: await schema("member") });
    expect(members.properties?.schema).toEqual({ type: "string" });
    expect(members.links).toEqual([{ href: "{schema}", rel: "describedby" }]);
    expect(violations(members, { members: [member], schema: "/v2/schemas/members" })).toEqual([]);
  });

  it("describes images so that every image with Huawei extras validates", async () => {
    const image = await schema("image");
    expect(image.name).toBe("image");
    expect(image.additionalProperties).toEqual({ type: "string" });
    const all = await emu.call("GET", "/v2/images?member_status=all&limit=1000", { token: alice });
    expect(all.body.images.length).toBeGreaterThan(50);
    for (const i of all.body.images) expect(violations(image, i), i.name).toEqual([]);
    expect(violations(image, { ...all.body.images[0], size: "big" })).not.toEqual([]);
    expect(violations(image, { ...all.body.images[0], __extra: 1 })).not.toEqual([]);
  });

  it("describes the native list, whose pages validate against it", async () => {
    const images = await schema("images");
    expect(images.properties?.images).toEqual({ type: "array", items: await schema("image") });
    const page = await emu.call("GET", "/v2/images", { token: alice });
    expect(violations(images, page.body)).toEqual([]);
  });
});
