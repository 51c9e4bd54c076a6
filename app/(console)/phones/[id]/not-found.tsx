import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function PhoneImageNotFound() {
  const t = useTranslations("phones.notFound");
  return (
    <div className="mx-auto mt-10 max-w-lg rounded-lg border border-dashed border-border bg-card p-8 text-center">
      <h1 className="font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{t("body")}</p>
      <Button asChild variant="secondary" className="mt-4">
        <Link href="/phones">{t("back")}</Link>
      </Button>
    </div>
  );
}
