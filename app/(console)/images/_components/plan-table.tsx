import { Badge } from "@/components/ui/badge";
import type { SharePlanView } from "../actions";

const DECISION = {
  add: { tone: "success", label: "add" },
  skip: { tone: "neutral", label: "skip" },
  blocked: { tone: "danger", label: "blocked" },
} as const;

/** Every image × target pair of a plan with its decision and reason. */
export function PlanTable({ plan, multipleImages }: { plan: SharePlanView; multipleImages: boolean }) {
  const { add, skip, blocked } = plan.counts;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm">
        <strong>{add}</strong> to add, <strong>{skip}</strong> already member{skip === 1 ? "" : "s"},{" "}
        <strong>{blocked}</strong> blocked.
      </p>
      <div className="max-h-72 overflow-y-auto rounded-md border border-border">
        <table className="w-full text-sm">
          <caption className="sr-only">Share plan</caption>
          <thead className="sticky top-0 bg-muted text-left text-xs text-muted-foreground">
            <tr>
              {multipleImages && <th className="px-3 py-1.5 font-medium">Image</th>}
              <th className="px-3 py-1.5 font-medium">Target</th>
              <th className="px-3 py-1.5 font-medium">Decision</th>
              <th className="px-3 py-1.5 font-medium">Reason</th>
            </tr>
          </thead>
          <tbody>
            {plan.pairs.map((p) => (
              <tr key={`${p.imageId}-${p.input}`} className="border-t border-border">
                {multipleImages && <td className="px-3 py-1.5">{p.imageName}</td>}
                <td className="px-3 py-1.5 font-mono text-xs whitespace-nowrap">
                  {p.input}
                  {p.target && p.target.kind !== "project" && (
                    <span className="ml-1 font-sans text-muted-foreground">({p.target.kind})</span>
                  )}
                </td>
                <td className="px-3 py-1.5">
                  <Badge tone={DECISION[p.decision].tone}>{DECISION[p.decision].label}</Badge>
                </td>
                <td className="px-3 py-1.5 text-muted-foreground">{p.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** What happened to each pair that was sent. */
export function ResultTable({
  results,
  names,
  jobs,
}: {
  results: { image: string; target: string; outcome: "succeeded" | "failed"; code?: string }[];
  names: Map<string, string>;
  jobs: string[];
}) {
  if (results.length === 0)
    return <p className="text-sm">Nothing needed sending: every target was already a member or blocked.</p>;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p>
        Done. IMS job{jobs.length === 1 ? "" : "s"} <code className="font-mono text-xs">{jobs.join(", ")}</code>.
      </p>
      <ul className="max-h-60 overflow-y-auto rounded-md border border-border">
        {results.map((r) => (
          <li
            key={`${r.image}-${r.target}`}
            className="flex items-center justify-between gap-3 border-t border-border px-3 py-1.5 first:border-0"
          >
            <span>
              {names.get(r.image) ?? r.image} → <code className="font-mono text-xs">{r.target}</code>
            </span>
            <Badge tone={r.outcome === "succeeded" ? "success" : "danger"}>
              {r.outcome === "succeeded" ? "shared, pending acceptance" : `failed ${r.code ?? ""}`}
            </Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}
