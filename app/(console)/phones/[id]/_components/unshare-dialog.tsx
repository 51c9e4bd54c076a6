"use client";

import { useActionState, useState } from "react";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import type { ActionState } from "@/lib/actions/action";
import { unsharePhoneImageAction, type UnshareData } from "../../actions";
import type { MemberRow } from "./types";
import { OutcomeTable } from "./outcome-table";

export interface UnshareRequest {
  mode: "one" | "selected" | "all";
  members: MemberRow[];
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
const label = (m: MemberRow) => (m.projectName ? `${m.projectName} (${m.memberId})` : m.memberId);

/** Confirms what stopping the share takes away, sends it, and reports each member's outcome. */
export function UnshareDialog({
  imageId,
  imageName,
  request,
  onClose,
}: {
  imageId: string;
  imageName: string;
  request: UnshareRequest;
  onClose: (removed: boolean) => void;
}) {
  const toast = useToast();
  const [typed, setTyped] = useState("");
  const { mode, members } = request;
  const [state, action, pending] = useActionState(async (prev: ActionState<UnshareData>, form: FormData) => {
    const result = await unsharePhoneImageAction(prev, form);
    if (!result.ok) {
      if (!result.error.fieldErrors)
        toast({ tone: "error", title: `Could not stop sharing ${imageName}`, body: result.error.message });
      return result;
    }
    const failed = result.data.results.filter((r) => r.outcome === "failed");
    const done = result.data.results.filter((r) => r.outcome === "succeeded").length;
    if (failed.length === 0) {
      toast({ tone: "success", title: `Stopped sharing ${imageName} with ${plural(done, "project")}` });
      onClose(true);
    } else if (done === 0) {
      toast({
        tone: "error",
        title: `Could not stop sharing ${imageName} with ${plural(failed.length, "project")}`,
        body: failed[0].reason,
      });
    } else {
      toast({
        tone: "error",
        title: `Stopped sharing ${imageName} with ${done} of ${plural(done + failed.length, "project")}`,
        body: failed[0].reason,
      });
    }
    return result;
  }, null);
  const confirmError = state && !state.ok ? state.error.fieldErrors?.confirmName?.[0] : undefined;
  const ready = mode !== "all" || typed === imageName;
  const title = mode === "all" ? `Remove every member of ${imageName}` : `Stop sharing ${imageName}`;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose(Boolean(state?.ok))}>
      <DialogContent
        title={title}
        description={`${members.length === 1 ? "This project" : "These projects"} can no longer use ${imageName} to create new cloud phones.`}
      >
        {state?.ok ? (
          <div className="flex flex-col gap-4">
            <OutcomeTable
              caption="What happened to each member"
              rows={state.data.results.map((r) => ({
                ...r,
                target: r.id,
                name: members.find((m) => m.memberId === r.id)?.projectName,
              }))}
            />
            <div className="flex justify-end">
              <Button onClick={() => onClose(true)}>Done</Button>
            </div>
          </div>
        ) : (
          <form action={action} className="flex flex-col gap-4">
            <input type="hidden" name="imageId" value={imageId} />
            {mode === "all" ? (
              <input type="hidden" name="all" value="1" />
            ) : (
              members.map((m) => <input key={m.memberId} type="hidden" name="memberId" value={m.memberId} />)
            )}
            <div className="text-sm">
              <p>
                {mode === "all"
                  ? "Every member loses access:"
                  : `${plural(members.length, "project")} will lose access:`}
              </p>
              <ul className="mt-2 max-h-40 overflow-y-auto rounded-md border border-border bg-muted/40 px-3 py-2 font-mono text-xs">
                {members.map((m) => (
                  <li key={m.memberId} className="py-0.5">
                    {label(m)}
                  </li>
                ))}
              </ul>
            </div>
            {mode === "all" && (
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="confirm-name">
                  Type <span className="font-mono">{imageName}</span> to confirm
                </Label>
                <Input
                  id="confirm-name"
                  name="confirmName"
                  autoComplete="off"
                  spellCheck={false}
                  defaultValue={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  aria-invalid={Boolean(confirmError)}
                  aria-describedby={confirmError ? "confirm-error" : undefined}
                />
              </div>
            )}
            <div aria-live="polite">
              {state && !state.ok && (
                <Alert tone="error" id="confirm-error">
                  {confirmError ?? state.error.message}
                  {state.error.upstreamCode && (
                    <span className="ml-1 font-mono text-xs">({state.error.upstreamCode})</span>
                  )}
                </Alert>
              )}
            </div>
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button type="button" variant="secondary">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant="destructive" disabled={!ready || pending}>
                {pending
                  ? "Removing…"
                  : mode === "all"
                    ? `Remove all ${plural(members.length, "member")}`
                    : `Remove ${plural(members.length, "member")}`}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
