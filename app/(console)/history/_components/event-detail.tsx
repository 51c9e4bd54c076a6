import { Outcome, SourceBadge } from "@/components/history/outcome";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { actionLabel } from "@/lib/audit/filter";
import type { HistoryEvent } from "@/lib/audit/read";
import { formatDate } from "@/lib/format";

const TONE = { succeeded: "success", failed: "danger", skipped: "neutral" } as const;

/** Every field of one event, its pairs and its place in the chain. */
export function EventDetail({ event: e }: { event: HistoryEvent }) {
  const facts: [string, React.ReactNode, boolean?][] = [
    ["When", `${formatDate(e.occurredAt)} (${new Date(e.occurredAt).toISOString()})`],
    ["Action", actionLabel(e.action)],
    ["Outcome", <Outcome key="o" event={e} />],
    ["Source", <SourceBadge key="s" source={e.source} />],
    ["User", `${e.userName} (${e.userId})`],
    ["Account", `${e.accountName} (${e.accountId})`],
    ["Project", `${e.projectName} (${e.projectId})`],
    ["Region", e.region],
    ["Duration", `${e.durationMs.toLocaleString("en")} ms`],
    ["Upstream request id", e.requestId ?? "—", true],
    ["Upstream job id", e.jobId ?? "—", true],
    ["CTS trace id", e.externalId ?? "—", true],
    ["Event id", e.id, true],
    ["Sequence", `#${e.seq}`],
  ];
  return (
    <div className="flex flex-col gap-5 text-sm">
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2">
        {facts.map(([k, v, mono]) => (
          <div key={k} className="contents">
            <dt className="text-muted-foreground">{k}</dt>
            <dd className={mono ? "font-mono text-xs break-all" : "min-w-0"}>{v}</dd>
          </div>
        ))}
      </dl>
      <section className="flex flex-col gap-2">
        <h3 className="font-medium">
          Images ({e.images.length}) and targets ({e.targets.length})
        </h3>
        <div className="grid grid-cols-2 gap-4 font-mono text-xs">
          {[e.images, e.targets].map((ids, i) => (
            <ul key={i} aria-label={i ? "Targets" : "Images"} className="flex flex-col gap-0.5">
              {ids.length ? (
                ids.map((id) => (
                  <li key={id} className="break-all">
                    {id}
                  </li>
                ))
              ) : (
                <li className="font-sans text-muted-foreground">None</li>
              )}
            </ul>
          ))}
        </div>
      </section>
      <section className="flex flex-col gap-2">
        <h3 className="font-medium">Pairs ({e.pairs.length})</h3>
        {e.pairs.length ? (
          <Table aria-label="Pairs of the event">
            <THead>
              <tr>
                <TH>Image</TH>
                <TH>Target</TH>
                <TH>Outcome</TH>
                <TH>Code</TH>
              </tr>
            </THead>
            <tbody>
              {e.pairs.map((p, i) => (
                <TR key={i}>
                  <TD className="font-mono text-xs break-all">{p.image}</TD>
                  <TD className="font-mono text-xs break-all">{p.target}</TD>
                  <TD>
                    <Badge tone={TONE[p.outcome] ?? "neutral"}>{p.outcome}</Badge>
                  </TD>
                  <TD className="font-mono text-xs">{p.code ?? ""}</TD>
                </TR>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-muted-foreground">This event has no pairs.</p>
        )}
      </section>
      <section className="flex flex-col gap-2">
        <h3 className="font-medium">Input</h3>
        <pre className="max-h-64 overflow-auto rounded-md bg-muted p-3 font-mono text-xs">
          {JSON.stringify(e.input, null, 2)}
        </pre>
      </section>
      <section className="flex flex-col gap-1">
        <h3 className="font-medium">Chain</h3>
        <p className="text-xs text-muted-foreground">
          SHA-256 of this event&apos;s fields and the previous event&apos;s hash.
        </p>
        <dl className="grid grid-cols-[6rem_1fr] gap-x-4 gap-y-1 font-mono text-xs">
          <dt className="font-sans text-muted-foreground">Previous</dt>
          <dd className="break-all">{e.prevHash ?? "—"}</dd>
          <dt className="font-sans text-muted-foreground">Hash</dt>
          <dd className="break-all">{e.hash ?? "—"}</dd>
        </dl>
      </section>
    </div>
  );
}
