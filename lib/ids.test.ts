import { describe, expect, it } from "vitest";
import { DEMO } from "@/emulator/seed/demo";
import { HEX32, IMAGE_ID, MEMBER_ID, ORG_URN, PHONE_IMAGE_ID, projectIdSchema, UUID } from "./ids";

describe("id patterns", () => {
  it("member ids: projects and accounts, organizations and units; nothing else", () => {
    for (const id of [DEMO.acmeAp, "o-acme0001", "ou-partners01"]) expect(MEMBER_ID.test(id), id).toBe(true);
    for (const id of [
      "",
      "o-",
      "ou-",
      "<b>x</b>",
      "../../etc/passwd",
      DEMO.acmeAp.toUpperCase(),
      "o-" + "a".repeat(61),
    ])
      expect(MEMBER_ID.test(id), id).toBe(false);
  });

  it("take the reference's examples and the demo's ids", () => {
    expect(HEX32.test("0a1b2c3d4e5f40718293a4b5c6d7e8f9")).toBe(true);
    expect(HEX32.test(DEMO.acmeAp)).toBe(true);
    expect(UUID.test("5d2c4f0e-8a71-4b3e-9c2d-1f0e6a7b8c9d")).toBe(true);
    expect(PHONE_IMAGE_ID.test("24010120240105e30022161b00001234")).toBe(true);
    expect(IMAGE_ID.test("5d2c4f0e-8a71-4b3e-9c2d-1f0e6a7b8c9d")).toBe(true);
    const urn = `organizations::${DEMO.acme}:ou:o-abc123/ou-xy12ab34`;
    expect(urn.match(ORG_URN)?.[2]).toBe("ou-xy12ab34");
    expect(`organizations::${DEMO.acme}:organization:o-abc123`.match(ORG_URN)?.[1]).toBe("o-abc123");
  });

  it("refuse what only looks like them", () => {
    expect(HEX32.test("0A1B2C3D4E5F40718293A4B5C6D7E8F9")).toBe(false);
    expect(HEX32.test("5d2c4f0e-8a71-4b3e-9c2d-1f0e6a7b8c9d")).toBe(false);
    expect(UUID.test("------------------------------------")).toBe(false);
    expect(UUID.test("5d2c4f0e8a714b3e9c2d1f0e6a7b8c9d")).toBe(false);
    expect(PHONE_IMAGE_ID.test("../etc/passwd")).toBe(false);
    expect(PHONE_IMAGE_ID.test("x".repeat(65))).toBe(false);
    expect(ORG_URN.test(`organizations::${DEMO.acme}:ou:o-abc123`)).toBe(false);
  });

  it("give a form its own sentence", () => {
    const parsed = projectIdSchema("Choose a project from the list.").safeParse("nope");
    expect(parsed.success || parsed.error.issues[0].message).toBe("Choose a project from the list.");
    // The default is a catalogue key, said in the request's language by the action wrapper.
    const plain = projectIdSchema().safeParse("nope");
    expect(plain.success || plain.error.issues[0].message).toBe("errors.fields.notAProjectId");
  });
});
