import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { actionLabeller } from "@/components/history/action-label";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { TargetId } from "@/components/target-id";
import { AUDIT_ACTIONS, isFiltered, type HistoryFilter } from "@/lib/audit/filter";
import type { ResolvedFilter } from "@/lib/audit/read";

const selectClass = "h-9 rounded-md border border-input bg-background px-2 text-sm";

/** A GET form: the filter lives in the URL, so it deep-links and works without JavaScript. */
export function HistoryFilters({
  filter,
  resolved = {},
}: {
  filter: HistoryFilter;
  /** The ids a typed name or part of an id stood for, said under the form. */
  resolved?: ResolvedFilter["refsAnyOf"];
}) {
  const t = useTranslations("history.filters");
  const tc = useTranslations("common");
  const actionLabel = actionLabeller(useTranslations("history.actions"));
  const actions = [...new Set([...AUDIT_ACTIONS, ...filter.action])];
  // Next's Form navigates in the app, and the key (the URL's filter) remounts the uncontrolled fields
  // whenever the URL changes, Back and Forward included, so the form always shows the list's filter.
  return (
    <Form
      key={JSON.stringify(filter)}
      action="/history"
      role="search"
      aria-label={t("label")}
      className="flex flex-wrap items-end gap-3"
    >
      <div className="flex min-w-56 flex-1 flex-col gap-1">
        <Label htmlFor="q">{t("search")}</Label>
        <Input id="q" name="q" type="search" placeholder={t("searchPlaceholder")} defaultValue={filter.q} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="from">{t("from")}</Label>
        <Input id="from" name="from" type="date" defaultValue={filter.from} className="w-36" />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="to">{t("to")}</Label>
        <Input id="to" name="to" type="date" defaultValue={filter.to} className="w-36" />
      </div>
      <details className="relative">
        <summary className={`${selectClass} flex cursor-pointer list-none items-center`}>
          {filter.action.length ? t("actionsCount", { count: filter.action.length }) : t("allActions")}
        </summary>
        <fieldset className="absolute z-20 mt-1 grid w-56 gap-1 rounded-md border border-border bg-card p-2 shadow-lg">
          <legend className="sr-only">{t("actions")}</legend>
          {actions.map((a) => (
            <label key={a} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="action" value={a} defaultChecked={filter.action.includes(a)} />
              {actionLabel(a)}
            </label>
          ))}
        </fieldset>
      </details>
      <div className="flex flex-col gap-1">
        <Label htmlFor="user">{t("user")}</Label>
        <Input id="user" name="user" defaultValue={filter.user} className="w-32" />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="image">{t("image")}</Label>
        <Input
          id="image"
          name="image"
          placeholder={t("nameOrId")}
          defaultValue={filter.image}
          className="w-44 text-xs"
        />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="member">{t("member")}</Label>
        <Input
          id="member"
          name="member"
          placeholder={t("nameOrId")}
          defaultValue={filter.member}
          className="w-44 text-xs"
        />
      </div>
      {filter.batch && <input type="hidden" name="batch" value={filter.batch} />}
      <div className="flex flex-col gap-1">
        <Label htmlFor="outcome">{t("outcome")}</Label>
        <select id="outcome" name="outcome" defaultValue={filter.outcome ?? ""} className={selectClass}>
          <option value="">{t("any")}</option>
          <option value="succeeded">{t("succeeded")}</option>
          <option value="failed">{t("failed")}</option>
          <option value="partial">{t("partial")}</option>
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="source">{t("source")}</Label>
        <select id="source" name="source" defaultValue={filter.source ?? ""} className={selectClass}>
          <option value="">{t("any")}</option>
          <option value="console">{t("thisConsole")}</option>
          <option value="cts">{t("cts")}</option>
          <option value="lease">{t("lease")}</option>
          <option value="api">{t("api")}</option>
        </select>
      </div>
      <Button type="submit" variant="secondary">
        {tc("apply")}
      </Button>
      {isFiltered(filter) && (
        <Button asChild variant="ghost">
          <Link href="/history">{tc("clearFilters")}</Link>
        </Button>
      )}
      <label className="flex h-9 basis-full items-center gap-2 text-sm">
        <input type="checkbox" name="sessions" value="1" defaultChecked={filter.sessions} />
        {t("sessions")}
      </label>
      {(["image", "member"] as const).map(
        (key) =>
          resolved[key] && (
            <p
              key={key}
              className="flex basis-full flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground"
            >
              {t(key === "image" ? "imageStandsFor" : "memberStandsFor", { value: filter[key] ?? "" })}
              {resolved[key].map((id) => (
                <TargetId key={id} id={id} compact />
              ))}
            </p>
          ),
      )}
    </Form>
  );
}
