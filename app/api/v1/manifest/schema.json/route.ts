import { manifestJsonSchema } from "@/lib/manifest/schema";

/** The manifest's JSON Schema, public: editors and CI validate files against it without a token. */
export function GET(): Response {
  return Response.json(manifestJsonSchema(), {
    headers: { "Content-Type": "application/schema+json", "Cache-Control": "public, max-age=300" },
  });
}
