import { Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NEAR_LIMIT_SHARE } from "@/lib/sharing/rules";

/** A GET form: the search lives in the URL and works before any script loads. */
export function PhoneSearch({
  q,
  full,
  limit,
  defaultLimit,
}: {
  q?: string;
  full?: "90";
  limit: number;
  defaultLimit: number;
}) {
  const t = useTranslations("phones.search");
  // Next's Form navigates in the app, and the key (the URL's filter) remounts the uncontrolled fields
  // whenever the URL changes, Back and Forward included, so the form always shows the list's filter.
  return (
    <Form
      key={`${q ?? ""}|${full ?? ""}|${limit}`}
      role="search"
      action="/phones"
      className="mb-4 flex flex-wrap items-center gap-2"
    >
      <label htmlFor="phone-search" className="sr-only">
        {t("label")}
      </label>
      <div className="relative w-72 max-w-full">
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          id="phone-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t("placeholder")}
          className="pl-8"
          maxLength={128}
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="full" value="90" defaultChecked={full === "90"} className="size-4" />
        {t("full", { share: NEAR_LIMIT_SHARE })}
      </label>
      {limit !== defaultLimit && <input type="hidden" name="limit" value={limit} />}
      <Button type="submit" variant="secondary">
        {t("submit")}
      </Button>
      {(q || full) && (
        <Button asChild variant="ghost">
          <Link href={limit === defaultLimit ? "/phones" : `/phones?limit=${limit}`}>{t("clear")}</Link>
        </Button>
      )}
    </Form>
  );
}
