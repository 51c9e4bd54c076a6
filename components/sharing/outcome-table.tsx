import { TargetId } from "@/components/target-id";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { Outcome, OutcomeRow } from "./rows";

const BADGE: Record<Outcome, { label: string; tone: "info" | "neutral" | "danger" | "success" }> = {
  add: { label: "add", tone: "info" },
  skip: { label: "skip", tone: "neutral" },
  skipped: { label: "skipped", tone: "neutral" },
  blocked: { label: "blocked", tone: "danger" },
  succeeded: { label: "succeeded", tone: "success" },
  failed: { label: "failed", tone: "danger" },
  unknown: { label: "unknown", tone: "neutral" },
};

/**
 * One row per pair (or per target, for one image): what the plan decided, or what happened when it was
 * sent, and why. Fixed column widths keep it inside its dialog: long targets (organization URNs) are cut short
 * with the whole id in a title and a copy button,
 * long image names are cut short with the full name as a title.
 */
export function OutcomeTable({ rows, caption, images }: { rows: OutcomeRow[]; caption: string; images?: boolean }) {
  return (
    <Table className="table-fixed">
      <caption className="sr-only">{caption}</caption>
      <THead>
        <tr>
          {images && <TH className="w-[22%]">Image</TH>}
          <TH>Target</TH>
          <TH className="w-24">Result</TH>
          <TH className="w-[38%]">Reason</TH>
        </tr>
      </THead>
      <tbody>
        {rows.map((r) => (
          <TR key={r.key}>
            {images && (
              <TD label="Image" className="align-top">
                <div className="truncate text-xs leading-5" title={r.image}>
                  {r.image}
                </div>
              </TD>
            )}
            <TD label="Target" className="align-top">
              <TargetId id={r.target} name={r.name} className="w-full" />
              {r.kind && r.kind !== "project" && <div className="text-xs text-muted-foreground">({r.kind})</div>}
            </TD>
            <TD label="Result" className="align-top">
              <Badge tone={BADGE[r.outcome].tone}>{BADGE[r.outcome].label}</Badge>
            </TD>
            <TD label="Reason" className="align-top text-xs leading-5 break-words">
              {r.reason ?? <span className="text-muted-foreground">—</span>}
              {r.code && r.outcome === "failed" && (
                <span className="ml-1 font-mono text-muted-foreground">({r.code})</span>
              )}
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
