import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ImageTypeSelect } from "@/components/image-type-select";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Checkbox } from "@/components/ui/checkbox";
import type { ImageListQuery } from "@/lib/sharing/image-page";
import { NEAR_LIMIT_SHARE } from "@/lib/sharing/rules";
import { isFiltered } from "./query";

const selectClass = "h-9 rounded-md border border-input bg-background px-2 text-sm";

/** A GET form: filters live in the URL and work without JavaScript. */
export function ImageFilters({ query }: { query: ImageListQuery }) {
  const t = useTranslations("images.filters");
  const common = useTranslations("common");
  const filtered = isFiltered(query);
  // Next's Form navigates in the app, and the key (the URL's filter) remounts the uncontrolled fields
  // whenever the URL changes, Back and Forward included, so the form always shows the list's filter.
  return (
    <Form
      key={JSON.stringify(query)}
      action="/images"
      role="search"
      aria-label={t("label")}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <input type="hidden" name="limit" value={query.limit} />
      <div className="flex min-w-56 flex-1 flex-col gap-1">
        <Label htmlFor="q">{t("search")}</Label>
        <Input id="q" name="q" type="search" placeholder={t("searchPlaceholder")} defaultValue={query.q} />
      </div>
      <ImageTypeSelect value={query.type} />
      <div className="flex flex-col gap-1">
        <Label htmlFor="shareable">{t("shareable")}</Label>
        <select id="shareable" name="shareable" defaultValue={query.shareable ?? ""} className={selectClass}>
          <option value="">{t("any")}</option>
          <option value="yes">{t("shareableYes")}</option>
          <option value="no">{t("shareableNo")}</option>
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="members">{t("members")}</Label>
        <select id="members" name="members" defaultValue={query.members ?? ""} className={selectClass}>
          <option value="">{t("any")}</option>
          <option value="some">{t("membersSome")}</option>
          <option value="none">{t("membersNone")}</option>
        </select>
      </div>
      <label className="flex h-9 items-center gap-2 text-sm">
        <Checkbox name="pending" value="yes" defaultChecked={query.pending === "yes"} />
        {t("pending")}
      </label>
      <label className="flex h-9 items-center gap-2 text-sm">
        <Checkbox name="expiring" value="7" defaultChecked={query.expiring === "7"} />
        {t("expiring")}
      </label>
      <label className="flex h-9 items-center gap-2 text-sm">
        <Checkbox name="full" value="90" defaultChecked={query.full === "90"} />
        {t("full", { share: NEAR_LIMIT_SHARE })}
      </label>
      <Button type="submit" variant="secondary">
        {common("apply")}
      </Button>
      {filtered && (
        <Button asChild variant="ghost">
          <Link href="/images">{common("clearFilters")}</Link>
        </Button>
      )}
    </Form>
  );
}
