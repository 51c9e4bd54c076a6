import Link from "next/link";
import { useTranslations } from "next-intl";

export default function EventNotFound() {
  const t = useTranslations("history");
  return (
    <div className="rounded-lg border border-border bg-card p-10 text-center">
      <p className="font-medium">{t("notFound")}</p>
      <Link href="/history" className="mt-2 inline-block text-sm text-primary hover:underline">
        {t("backToHistory")}
      </Link>
    </div>
  );
}
