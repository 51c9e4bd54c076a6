import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";

export type Outcome = "add" | "skip" | "blocked" | "succeeded" | "failed" | "skipped";

export interface OutcomeRow {
  target: string;
  /** The project's name when it is one of the user's own projects. */
  name?: string;
  outcome: Outcome;
  reason?: string;
  code?: string;
}

const BADGE: Record<Outcome, { label: string; tone: "info" | "neutral" | "danger" | "success" }> = {
  add: { label: "add", tone: "info" },
  skip: { label: "skip", tone: "neutral" },
  skipped: { label: "skipped", tone: "neutral" },
  blocked: { label: "blocked", tone: "danger" },
  succeeded: { label: "succeeded", tone: "success" },
  failed: { label: "failed", tone: "danger" },
};

/** One row per target: what the plan decided, or what happened when it was sent, and why. */
export function OutcomeTable({ rows, caption }: { rows: OutcomeRow[]; caption: string }) {
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <THead>
        <tr>
          <TH>Target</TH>
          <TH className="w-24">Result</TH>
          <TH>Reason</TH>
        </tr>
      </THead>
      <tbody>
        {rows.map((r) => (
          <TR key={r.target}>
            <TD className="align-top">
              <div className="max-w-64 truncate font-mono text-xs leading-5 whitespace-nowrap" title={r.target}>
                {r.target}
              </div>
              {r.name && <div className="text-xs text-muted-foreground">{r.name}</div>}
            </TD>
            <TD className="align-top">
              <Badge tone={BADGE[r.outcome].tone}>{BADGE[r.outcome].label}</Badge>
            </TD>
            <TD className="align-top text-xs leading-5">
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
