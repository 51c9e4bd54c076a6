import { manifestInput, planAnswer } from "@/lib/api/manifest";
import { apiLocale, apiRoute } from "@/lib/api/route";
import { textTranslator } from "@/lib/localize/translator";
import { parseManifest } from "@/lib/manifest/parse";
import { planManifest } from "@/lib/manifest/plan";
import { loadManifestWorld } from "@/lib/manifest/world";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The manifest against the cloud as it is, pair by pair; nothing is sent (read access is enough). */
export const POST = apiRoute({ access: "read", audit: false, schema: manifestInput }, async (input, ctx, request) => {
  const manifest = parseManifest(input.manifest);
  const plan = planManifest(manifest, await loadManifestWorld(manifest, ctx));
  return planAnswer(plan, await textTranslator(apiLocale(request)));
});
