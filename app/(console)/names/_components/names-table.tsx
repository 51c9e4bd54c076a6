"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { dataTag } from "@/components/data-text";
import { DateTime } from "@/components/date-time";
import { CopyButton } from "@/components/target-id";
import { Button } from "@/components/ui/button";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { StoredName } from "@/lib/names/store";
import { removeNameAction } from "../actions";
import { NameForm } from "./name-form";

function RemoveButton({ entry }: { entry: StoredName }) {
  const t = useTranslations("names.table");
  const [state, action, pending] = useActionState(removeNameAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={entry.id} />
      <Button
        type="submit"
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-label={t("removeLabel", { id: entry.id })}
      >
        {t("remove")}
      </Button>
      {state && !state.ok && <span className="text-xs text-destructive">{state.error.message}</span>}
    </form>
  );
}

function Row({ entry, canChange }: { entry: StoredName; canChange: boolean }) {
  const t = useTranslations("names.table");
  const [editing, setEditing] = useState(false);
  return (
    <>
      <TR>
        <TD translate="no" className="font-medium">
          {entry.name}
        </TD>
        <TD>
          <span translate="no" className="inline-flex items-center gap-1">
            <span className="font-mono text-xs whitespace-nowrap">{entry.id}</span>
            <CopyButton value={entry.id} />
          </span>
        </TD>
        <TD translate="no" className="max-w-64 text-muted-foreground">
          {entry.note ?? "—"}
        </TD>
        <TD className="text-xs">
          <DateTime value={entry.updatedAt} />
          <div className="text-muted-foreground">{t.rich("by", { user: entry.updatedBy, name: dataTag })}</div>
        </TD>
        {canChange && (
          <TD className="text-right whitespace-nowrap">
            <Button
              variant="ghost"
              size="sm"
              aria-expanded={editing}
              aria-label={t("renameLabel", { id: entry.id })}
              onClick={() => setEditing((v) => !v)}
            >
              {t("rename")}
            </Button>
            <RemoveButton entry={entry} />
          </TD>
        )}
      </TR>
      {editing && (
        <tr>
          <td colSpan={5} className="border-b border-border bg-muted/40 px-3 py-3">
            <NameForm
              fixedId={entry.id}
              defaults={{ name: entry.name, note: entry.note ?? "" }}
              onDone={() => setEditing(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}

/** The account's address book, by name, with rename and remove for users who may change it. */
export function NamesTable({ names, canChange }: { names: StoredName[]; canChange: boolean }) {
  const t = useTranslations("names.table");
  return (
    <Table aria-label={t("label")}>
      <THead>
        <tr>
          <TH>{t("name")}</TH>
          <TH>{t("id")}</TH>
          <TH>{t("note")}</TH>
          <TH>{t("updated")}</TH>
          {canChange && (
            <TH>
              <span className="sr-only">{t("actions")}</span>
            </TH>
          )}
        </tr>
      </THead>
      <tbody>
        {names.map((n) => (
          <Row key={n.id} entry={n} canChange={canChange} />
        ))}
      </tbody>
    </Table>
  );
}
