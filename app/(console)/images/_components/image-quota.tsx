import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuotaMeter } from "@/components/quota-meter";
import { withCloud } from "@/lib/auth/session";
import { showImageQuota } from "@/lib/cloud/ims";

/** The project's private images against its IMS image quota; nothing when IMS does not say (a hint, not the page). */
export async function ImageQuota() {
  let images: { used: number; quota: number } | undefined;
  try {
    images = (await withCloud((scope) => showImageQuota(scope))).images;
  } catch (e) {
    unstable_rethrow(e);
    return null;
  }
  if (!images) return null;
  const t = await getTranslations("images.quota");
  return (
    <div className="flex flex-col gap-1">
      <span className="text-xs text-muted-foreground">{t("caption")}</span>
      <QuotaMeter used={images.used} limit={images.quota} label={t("meterLabel")} unit="images" className="w-44" />
    </div>
  );
}
