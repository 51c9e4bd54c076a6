import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ImageTypeSelect } from "@/components/image-type-select";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import type { InboxQuery } from "@/lib/inbox/list";

const selectClass = "h-9 rounded-md border border-input bg-background px-2 text-sm";

/** A GET form: the inbox's filters live in the URL. */
export function InboxFilters({ query }: { query: InboxQuery }) {
  const t = useTranslations("incoming.filters");
  const common = useTranslations("common");
  const filtered = Boolean(query.q || query.owner || query.type || query.age);
  // Next's Form navigates in the app, and the key (the URL's filter) remounts the uncontrolled fields
  // whenever the URL changes, Back and Forward included, so the form always shows the list's filter.
  return (
    <Form
      key={JSON.stringify(query)}
      action="/incoming"
      role="search"
      aria-label={t("label")}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="tab" value={query.tab} />
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <Label htmlFor="q">{t("search")}</Label>
        <Input id="q" name="q" type="search" placeholder={t("searchPlaceholder")} defaultValue={query.q} />
      </div>
      <div className="flex min-w-48 flex-col gap-1">
        <Label htmlFor="owner">{t("owner")}</Label>
        <Input
          id="owner"
          name="owner"
          placeholder={t("ownerPlaceholder")}
          defaultValue={query.owner}
          className="font-mono text-xs"
        />
      </div>
      <ImageTypeSelect value={query.type} />
      <div className="flex flex-col gap-1">
        <Label htmlFor="age">{t("shared")}</Label>
        <select id="age" name="age" defaultValue={query.age ?? ""} className={selectClass}>
          <option value="">{t("anyTime")}</option>
          <option value="1">{t("day")}</option>
          <option value="7">{t("week")}</option>
          <option value="30">{t("month")}</option>
        </select>
      </div>
      <Button type="submit" variant="secondary">
        {common("apply")}
      </Button>
      {filtered && (
        <Button asChild variant="ghost">
          <Link href={`/incoming?tab=${query.tab}`}>{common("clearFilters")}</Link>
        </Button>
      )}
    </Form>
  );
}
