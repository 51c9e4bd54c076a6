import { manifestInput, planAnswer } from "@/lib/api/manifest";
import { apiLocale, apiRoute } from "@/lib/api/route";
import { textTranslator } from "@/lib/localize/translator";
import { planFromSource } from "@/lib/manifest/compare";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The manifest against the cloud as it is, pair by pair; nothing is sent (read access is enough). */
export const POST = apiRoute({ access: "read", audit: false, schema: manifestInput }, async (input, ctx, request) => {
  const plan = await planFromSource(input.manifest, ctx);
  return planAnswer(plan, await textTranslator(apiLocale(request)));
});
