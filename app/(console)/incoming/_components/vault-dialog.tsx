"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { InboxRowView, VaultOption } from "./inbox-list";

/**
 * Accepting a full-ECS image made from a CBR backup needs one of the project's server-backup vaults:
 * usable vaults can be chosen; the others are shown disabled with the reason.
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
  onConfirm: (vaultId: string) => void;
}) {
  const [vaultId, setVaultId] = useState<string>("");
  const needing = images?.filter((i) => i.needsVault) ?? [];
  const usable = vaults.filter((v) => !v.problem);
  return (
    <Dialog open={images !== null} onOpenChange={(open) => (open ? undefined : (setVaultId(""), onCancel()))}>
      <DialogContent
        title="Choose a vault for the full-ECS image"
        description={`${needing.map((i) => i.name).join(", ")} ${needing.length === 1 ? "was" : "were"} made from a CBR backup: IMS keeps the accepted copy in a server-backup vault of this project.`}
      >
        <fieldset className="flex flex-col gap-2 text-sm" disabled={running}>
          <legend className="mb-2 font-medium">Vaults of this project</legend>
          {vaults.length === 0 && <p className="text-muted-foreground">This project has no CBR vault. Create a server-backup vault in CBR first.</p>}
          {vaults.map((v) => (
            <label key={v.id} className={`flex items-start gap-3 rounded-md border border-border p-3 ${v.problem ? "opacity-60" : "cursor-pointer hover:bg-muted"}`}>
              <input
                type="radio"
                name="vault"
                value={v.id}
                disabled={Boolean(v.problem)}
                checked={vaultId === v.id}
                onChange={() => setVaultId(v.id)}
                className="mt-1 accent-[var(--primary)]"
                aria-describedby={v.problem ? `vault-${v.id}-problem` : undefined}
              />
              <span>
                <span className="font-medium">{v.name}</span>
                <span className="block font-mono text-[11px] text-muted-foreground">{v.id}</span>
                {v.problem && (
                  <span id={`vault-${v.id}-problem`} className="block text-xs text-destructive">
                    {v.problem}
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
            Cancel
          </Button>
          <Button onClick={() => onConfirm(vaultId)} disabled={!vaultId || running || usable.length === 0}>
            {running ? "Accepting…" : `Accept ${images?.length === 1 ? images[0].name : `${images?.length ?? 0} images`}`}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
