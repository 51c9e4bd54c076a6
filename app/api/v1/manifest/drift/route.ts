import { manifestInput, pairAnswer } from "@/lib/api/manifest";
import { apiLocale, apiRoute } from "@/lib/api/route";
import { textTranslator } from "@/lib/localize/translator";
import { planFromSource } from "@/lib/manifest/compare";
import { driftOf } from "@/lib/manifest/plan";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** What differs between a manifest and the cloud now: the pairs to add or remove, and those held back. */
export const POST = apiRoute({ access: "read", audit: false, schema: manifestInput }, async (input, ctx, request) => {
  const plan = await planFromSource(input.manifest, ctx);
  const t = await textTranslator(apiLocale(request));
  return { drift: driftOf(plan).map((p) => pairAnswer(p, t)), checkedAt: new Date().toISOString() };
});
