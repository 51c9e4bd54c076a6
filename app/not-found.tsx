import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** An address the console has no page for (the areas' own not-found pages say which image or batch). */
export default function NotFound() {
  const t = useTranslations("common.notFound");
  return (
    <main className="mx-auto mt-16 max-w-lg rounded-lg border border-border bg-card p-6">
      <h1 className="font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{t("body")}</p>
      <Button asChild variant="secondary" className="mt-4">
        <Link href="/images">{t("back")}</Link>
      </Button>
    </main>
  );
}
