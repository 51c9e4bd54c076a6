"use client";

import { startTransition, useActionState } from "react";
import { useToast } from "@/components/toaster";
import { Button } from "@/components/ui/button";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { useSelection } from "@/components/use-selection";
import { Checkbox } from "@/components/ui/checkbox";
import type { ActionResult, ActionState } from "@/lib/actions/action";
import type { PhoneDecision } from "@/lib/audit/decisions";
import { formatBytes } from "@/lib/format";
import { cn } from "@/lib/utils";
import { DateTime } from "@/components/date-time";
import { acceptPhoneImagesAction, rejectPhoneImagesAction, type PhoneDecisionData } from "../phone-actions";

export interface PhoneInboxRow {
  imageId: string;
  name: string;
  ownerProjectId?: string;
  version?: string;
  sizeBytes?: number;
  createTime?: string;
  /** The last decision made through this console; null when none, undefined when the audit trail could not be read. */
  decision: PhoneDecision | null | undefined;
}

interface Request {
  decision: "accept" | "reject";
  imageIds: string[];
}

const plural = (n: number) => `${n} phone image${n === 1 ? "" : "s"}`;
const VERB = { accept: ["Accepted", "accept"], reject: ["Rejected", "reject"] } as const;

/** The shared phone images, with Accept and Reject per row and for a selection, for users who may change them. */
export function PhoneInboxTable({ rows, canChange }: { rows: PhoneInboxRow[]; canChange: boolean }) {
  const toast = useToast();
  const selection = useSelection();
  const selected = rows.filter((r) => selection.has(r.imageId));
  const nameOf = (id: string) => rows.find((r) => r.imageId === id)?.name ?? id;

  const [, send, pending] = useActionState(async (_prev: ActionState<PhoneDecisionData>, req: Request) => {
    const action = req.decision === "accept" ? acceptPhoneImagesAction : rejectPhoneImagesAction;
    const result: ActionResult<PhoneDecisionData> = await action(null, { imageIds: req.imageIds });
    const [done, verb] = VERB[req.decision];
    const subject = req.imageIds.length === 1 ? nameOf(req.imageIds[0]) : plural(req.imageIds.length);
    if (!result.ok) {
      toast({ tone: "error", title: `Could not ${verb} ${subject}`, body: result.error.message });
      return result;
    }
    const failed = result.data.results.filter((r) => r.outcome === "failed");
    const ok = result.data.results.length - failed.length;
    const why = (
      <ul className="flex flex-col gap-0.5">
        {failed.map((f) => (
          <li key={f.image}>
            <span className="font-medium text-foreground">{nameOf(f.image)}</span>: {f.reason}
            {f.code && <span className="ml-1 font-mono text-xs">({f.code})</span>}
          </li>
        ))}
      </ul>
    );
    if (failed.length === 0)
      toast({
        tone: "success",
        title: `${done} ${subject}`,
        body: req.decision === "accept" ? "It can now be used to create cloud phones." : undefined,
      });
    else if (ok === 0) toast({ tone: "error", title: `Could not ${verb} ${subject}`, body: why });
    else
      toast({
        tone: "error",
        title: `${done} ${ok} of ${plural(req.imageIds.length)}; ${failed.length} failed`,
        body: why,
      });
    for (const r of result.data.results) if (r.outcome === "succeeded") selection.toggle(r.image, false);
    return result;
  }, null);
  const decide = (decision: Request["decision"], imageIds: string[]) =>
    startTransition(() => send({ decision, imageIds }));

  if (rows.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-border p-8 text-center">
        <p className="font-medium">No phone images are shared with this project</p>
        <p className="mt-1 text-sm text-muted-foreground">
          When another project shares a CPH image with this one, it is listed here to accept or reject.
        </p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {canChange && (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            disabled={selected.length === 0 || pending}
            onClick={() =>
              decide(
                "accept",
                selected.map((r) => r.imageId),
              )
            }
          >
            Accept selected{selected.length > 0 ? ` (${selected.length})` : ""}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={selected.length === 0 || pending}
            onClick={() =>
              decide(
                "reject",
                selected.map((r) => r.imageId),
              )
            }
          >
            Reject selected{selected.length > 0 ? ` (${selected.length})` : ""}
          </Button>
          <span aria-live="polite" className="text-xs text-muted-foreground">
            {pending ? "Sending…" : ""}
          </span>
        </div>
      )}
      <Table>
        <caption className="sr-only">Phone images shared with this project</caption>
        <THead>
          <tr>
            {canChange && (
              <TH className="w-10">
                <Checkbox
                  aria-label="Select all shared phone images"
                  checked={selected.length === rows.length}
                  onChange={(e) =>
                    e.target.checked ? selection.setAll(rows.map((r) => r.imageId)) : selection.clear()
                  }
                />
              </TH>
            )}
            <TH>Image and owner project</TH>
            <TH>Android</TH>
            <TH>Created</TH>
            <TH className="min-w-44">Last console decision</TH>
            {canChange && <TH className="text-right">Decide</TH>}
          </tr>
        </THead>
        <tbody>
          {rows.map((r) => (
            <TR key={r.imageId}>
              {canChange && (
                <TD>
                  <Checkbox
                    aria-label={`Select ${r.name}`}
                    checked={selection.has(r.imageId)}
                    onChange={(e) => selection.toggle(r.imageId, e.target.checked)}
                  />
                </TD>
              )}
              <TD>
                <div className="font-medium">{r.name}</div>
                <div className="font-mono text-[11px] text-muted-foreground">{r.imageId}</div>
                <div className="text-[11px] whitespace-nowrap text-muted-foreground">
                  from{" "}
                  <span className="font-mono" title="Owner project">
                    {r.ownerProjectId ?? "an unknown project"}
                  </span>
                </div>
              </TD>
              <TD className="whitespace-nowrap">
                <div>{r.version || "—"}</div>
                <div className="text-xs text-muted-foreground tabular-nums">{formatBytes(r.sizeBytes)}</div>
              </TD>
              <TD>
                <DateTime value={r.createTime} />
              </TD>
              <TD>
                <Decision decision={r.decision} />
              </TD>
              {canChange && (
                <TD className="space-x-1 text-right whitespace-nowrap">
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={`Accept ${r.name}`}
                    disabled={pending}
                    onClick={() => decide("accept", [r.imageId])}
                  >
                    Accept
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Reject ${r.name}`}
                    disabled={pending}
                    onClick={() => decide("reject", [r.imageId])}
                  >
                    Reject
                  </Button>
                </TD>
              )}
            </TR>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function Decision({ decision }: { decision: PhoneInboxRow["decision"] }) {
  if (decision === undefined)
    return <span className="text-xs text-muted-foreground">Unknown: the console&apos;s history could not be read</span>;
  if (decision === null)
    return <span className="text-xs text-muted-foreground">No decision recorded by this console</span>;
  const accepted = decision.action === "accept";
  return (
    <div className="flex flex-col text-xs leading-tight">
      <span>
        <span className={cn("font-medium", accepted ? "text-success" : "text-destructive")}>
          {accepted ? "Accepted" : "Rejected"}
        </span>{" "}
        by {decision.userName} via this console
      </span>
      <DateTime value={decision.at} />
    </div>
  );
}
