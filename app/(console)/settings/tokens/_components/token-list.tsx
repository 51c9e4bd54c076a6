"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { DateTime } from "@/components/date-time";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { ApiTokenView } from "@/lib/tokens/store";
import { revokeApiTokenAction } from "../actions";

const TONE = { active: "success", expired: "neutral", revoked: "danger" } as const;

/** The user's tokens, newest first: what each may do and acts with, how long it lasts, how much it was used. */
export function TokenList({ tokens, usesOf }: { tokens: ApiTokenView[]; usesOf?: string }) {
  const t = useTranslations("tokens.list");
  const access = useTranslations("tokens.create");
  if (tokens.length === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <Table>
      <caption className="sr-only">{t("caption")}</caption>
      <THead>
        <TR>
          <TH>{t("name")}</TH>
          <TH>{t("prefix")}</TH>
          <TH>{t("access")}</TH>
          <TH>{t("credentials")}</TH>
          <TH>{t("created")}</TH>
          <TH>{t("expires")}</TH>
          <TH>{t("lastUsed")}</TH>
          <TH className="text-right">{t("uses")}</TH>
          <TH>{t("status")}</TH>
          <TH className="sr-only">{t("actions")}</TH>
        </TR>
      </THead>
      <tbody>
        {tokens.map((token) => (
          <TR key={token.id}>
            <TD label={t("name")}>
              <span translate="no" className="font-medium">
                {token.name}
              </span>
              <div className="text-xs text-muted-foreground">{t("inProject", { project: token.projectName })}</div>
            </TD>
            <TD label={t("prefix")}>
              <code translate="no" className="font-mono text-xs">
                {token.prefix}…
              </code>
            </TD>
            <TD label={t("access")}>{access(token.access)}</TD>
            <TD label={t("credentials")}>
              {token.accessKeyPrefix === null ? (
                t("viaSession")
              ) : (
                <span translate="no">{t("viaKey", { prefix: token.accessKeyPrefix })}</span>
              )}
            </TD>
            <TD label={t("created")}>
              <DateTime value={token.createdAt} />
            </TD>
            <TD label={t("expires")}>
              <DateTime value={token.expiresAt} />
            </TD>
            <TD label={t("lastUsed")}>
              {token.lastUsedAt === null ? t("never") : <DateTime value={token.lastUsedAt} relative />}
            </TD>
            <TD label={t("uses")} className="text-right tabular-nums">
              {token.uses}
            </TD>
            <TD label={t("status")}>
              <Badge tone={TONE[token.status]}>{t(token.status)}</Badge>
              {token.revokedBy && (
                <div className="text-xs text-muted-foreground">{t("revokedBy", { user: token.revokedBy })}</div>
              )}
            </TD>
            <TD className="whitespace-nowrap">
              <div className="flex flex-wrap justify-end gap-1">
                <Button asChild variant="ghost" size="sm">
                  <Link
                    href={token.id === usesOf ? "/settings/tokens" : `/settings/tokens?uses=${token.id}#token-uses`}
                    scroll={false}
                    aria-label={token.id === usesOf ? t("hideUses") : t("showUsesOf", { name: token.name })}
                    aria-expanded={token.id === usesOf}
                  >
                    {token.id === usesOf ? t("hideUses") : t("showUses")}
                  </Link>
                </Button>
                {token.status === "active" && <RevokeToken token={token} />}
              </div>
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

/** Revoke, behind a confirmation that says what stops working. */
function RevokeToken({ token }: { token: ApiTokenView }) {
  const t = useTranslations("tokens.list");
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [state, revoke, revoking] = useActionState(
    async (prev: Awaited<ReturnType<typeof revokeApiTokenAction>> | null, form: FormData) => {
      const next = await revokeApiTokenAction(prev, form);
      if (next.ok) {
        toast({ tone: "success", title: t("revokedToast", { name: next.data.name }) });
        setOpen(false);
      }
      return next;
    },
    null,
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("revokeOf", { name: token.name })}>
          {t("revoke")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("revokeTitle", { name: token.name })} description={t("revokeBody")}>
        <form action={revoke} className="flex flex-col gap-4">
          <input type="hidden" name="id" value={token.id} />
          {state && !state.ok && <Alert tone="error">{state.error.message}</Alert>}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                {t("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={revoking}>
              {t("revokeConfirm")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
