import { apiLocale, apiRoute } from "@/lib/api/route";
import { say } from "@/lib/i18n/text";
import { textTranslator } from "@/lib/localize/translator";
import { exportManifest } from "@/lib/manifest/export";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The project's sharing as it is now, as a manifest (its comments in the reader's language). */
export const GET = apiRoute({ access: "read", audit: false }, async (_input, ctx, request) => {
  const t = await textTranslator(apiLocale(request));
  return { yaml: await exportManifest({ ...ctx, say: (sentence) => say(t, sentence) }) };
});
