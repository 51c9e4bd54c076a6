import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const ROOT = join(__dirname, "../../app/api/v1");

/** Every route file under app/api/v1, as the OpenAPI path it serves and the methods it exports. */
function routesOnDisk(dir = ROOT): { path: string; methods: string[] }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return routesOnDisk(full);
    if (name !== "route.ts") return [];
    const segments = relative(ROOT, dir).split(sep).filter(Boolean);
    const path = ["/api/v1", ...segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))].join("/");
    const source = readFileSync(full, "utf8");
    const methods = [...source.matchAll(/export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
      ([, m]) => m.toLowerCase(),
    );
    return [{ path, methods: methods.sort() }];
  });
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };
  const disk = routesOnDisk();

  it("describes every route file under app/api/v1 with the methods it exports", () => {
    expect(disk.length).toBeGreaterThan(5);
    for (const route of disk) {
      expect(doc.paths[route.path], `${route.path} is not in the document`).toBeDefined();
      expect(Object.keys(doc.paths[route.path]).sort(), route.path).toEqual(route.methods);
    }
  });

  it("has a route file for every path it describes", () => {
    const onDisk = new Set(disk.map((r) => r.path));
    expect(Object.keys(doc.paths).filter((p) => !onDisk.has(p))).toEqual([]);
  });

  it("is OpenAPI 3.1 with the bearer scheme, public documents open, and each $ref resolving", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/api/v1/openapi.json"].get.security).toEqual([]);
    expect(doc.paths["/api/v1/images"].get.security).toBeUndefined();
    expect(doc.paths["/api/v1/images"].get.responses).toHaveProperty("401");
    expect(doc.paths["/api/v1/batches/{id}"].get.responses).toHaveProperty("404");
    expect(doc.paths["/api/v1/batches"].post.responses).toHaveProperty("403");
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(([, id]) => id);
    expect(refs.length).toBeGreaterThan(20);
    for (const id of refs) expect(doc.components.schemas, id).toHaveProperty(id);
  });

  it("generates schemas from the zod schemas: the ManifestPlan pair's action, the Me token's access", () => {
    const schemas = doc.components.schemas as Record<string, { properties: Record<string, any> }>;
    expect(schemas.ManifestPlan.properties.pairs.items).toEqual({ $ref: "#/components/schemas/ManifestPlanPair" });
    expect(schemas.ManifestPlanPair.properties.action.enum).toEqual(["add", "remove", "keep", "blocked"]);
    expect(schemas.Me.properties.token.properties.access.enum).toEqual(["read", "write"]);
    expect(schemas.Error.properties.error.required).toEqual(["code", "message"]);
  });
});
