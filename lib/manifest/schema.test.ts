import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { manifestJsonSchema, MANIFEST_SCHEMA_ID } from "./schema";

describe("the manifest's JSON Schema", () => {
  it("is published with its address, a title and descriptions, and says exactly one selector and target kind", () => {
    const schema = manifestJsonSchema() as {
      $id: string;
      title: string;
      required: string[];
      additionalProperties: boolean;
      properties: { images: { items: { oneOf: unknown[]; properties: Record<string, { description?: string }> } } };
    };
    expect(schema.$id).toBe(MANIFEST_SCHEMA_ID);
    expect(schema.title).toBe("Imshare sharing manifest");
    expect(schema.required).toEqual(["version"]);
    expect(schema.additionalProperties).toBe(false);
    const entry = schema.properties.images.items;
    expect(entry.oneOf).toEqual([{ required: ["id"] }, { required: ["name"] }, { required: ["tag"] }]);
    for (const [key, property] of Object.entries(entry.properties)) expect(property.description, key).toBeTruthy();
  });

  it("is the same as the committed docs/manifest.schema.json (else run `tsx scripts/manifest-schema.ts`)", () => {
    const committed: unknown = JSON.parse(readFileSync("docs/manifest.schema.json", "utf8"));
    expect(committed).toEqual(manifestJsonSchema());
  });
});
