import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function BatchNotFound() {
  const t = useTranslations("batches.page");
  return (
    <div className="mx-auto mt-10 max-w-lg rounded-lg border border-border bg-card p-6">
      <h1 className="font-semibold">{t("notFound")}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{t("notFoundHint")}</p>
      <Button asChild variant="secondary" className="mt-4">
        <Link href="/batches">{t("backToBatches")}</Link>
      </Button>
    </div>
  );
}
