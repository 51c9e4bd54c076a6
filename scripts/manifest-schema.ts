// `tsx scripts/manifest-schema.ts`: writes the manifest's JSON Schema to docs/manifest.schema.json, the copy
// editors and the CLI's users can point at, formatted as Prettier formats the tree. lib/manifest/schema.test.ts
// fails when the committed file is stale: run this script and commit the file.
import { writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { manifestJsonSchema } from "../lib/manifest/schema";

const file = "docs/manifest.schema.json";
const options = { ...(await resolveConfig(file)), parser: "json" };
writeFileSync(file, await format(JSON.stringify(manifestJsonSchema()), options));
console.log(`Wrote ${file}`);
