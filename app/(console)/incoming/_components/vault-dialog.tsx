"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { useText } from "@/components/use-text";
import type { InboxRowView, VaultOption } from "./types";

/**
 * Accepting a full-ECS image made from a CBR backup needs one of the project's server-backup vaults:
 * usable vaults can be chosen; the others are shown disabled with the reason. For an image IMS did not
 * say the kind of (D4), the vault is offered but optional, so that the job does not fail for want of one.
 */
export function VaultDialog({
  images,
  vaults,
  running,
  error,
  onCancel,
  onConfirm,
}: {
  images: InboxRowView[] | null;
  vaults: VaultOption[];
  running: boolean;
  error?: string;
  onCancel: () => void;
  onConfirm: (vaultId: string | undefined) => void;
}) {
  const t = useTranslations("incoming.vault");
  const format = useFormatter();
  const say = useText();
  const common = useTranslations("common");
  const [vaultId, setVaultId] = useState<string>("");
  const needing = images?.filter((i) => i.needsVault) ?? [];
  const maybe = images?.filter((i) => i.mayNeedVault) ?? [];
  const required = needing.length > 0;
  const usable = vaults.filter((v) => !v.problem);
  // The only usable vault is the answer when one is required; an optional vault is never chosen for the user.
  const chosen = vaultId || (required && usable.length === 1 ? usable[0].id : "");
  const names = (list: InboxRowView[]) => format.list(list.map((i) => i.name));
  const description = [
    required ? t("needing", { names: names(needing), count: needing.length }) : "",
    maybe.length ? t("maybe", { names: names(maybe), count: maybe.length, required: required ? "yes" : "no" }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <Dialog open={images !== null} onOpenChange={(open) => (open ? undefined : (setVaultId(""), onCancel()))}>
      <DialogContent title={required ? t("titleRequired") : t("titleOptional")} description={description}>
        <fieldset className="flex flex-col gap-2 text-sm" disabled={running}>
          <legend className="mb-2 font-medium">{t("legend")}</legend>
          {vaults.length === 0 && <p className="text-muted-foreground">{t("none")}</p>}
          {vaults.map((v) => (
            <label
              key={v.id}
              className={`flex items-start gap-3 rounded-md border border-border p-3 ${v.problem ? "opacity-60" : "cursor-pointer hover:bg-muted"}`}
            >
              <input
                type="radio"
                name="vault"
                value={v.id}
                disabled={Boolean(v.problem)}
                checked={chosen === v.id}
                onChange={() => setVaultId(v.id)}
                className="mt-1 accent-[var(--primary)]"
                aria-describedby={v.problem ? `vault-${v.id}-problem` : undefined}
              />
              <span>
                <span className="font-medium">{v.name}</span>
                <span className="block font-mono text-[11px] text-muted-foreground">{v.id}</span>
                {v.problem && (
                  <span id={`vault-${v.id}-problem`} className="block text-xs text-destructive">
                    {say(v.problem)}
                  </span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
        <div aria-live="polite" className="mt-3">
          {error && <Alert tone="error">{error}</Alert>}
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            {common("cancel")}
          </Button>
          <Button
            onClick={() => onConfirm(chosen || undefined)}
            disabled={running || (required && (!chosen || usable.length === 0))}
          >
            {running
              ? t("accepting")
              : t("accept", {
                  subject: images?.length === 1 ? images[0].name : t("images", { count: images?.length ?? 0 }),
                  without: chosen || required ? "no" : "yes",
                })}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
