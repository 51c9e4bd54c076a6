import type { Toast } from "@/components/toaster";
import { plural } from "@/components/sharing/wording";
import type { ActionResult } from "@/lib/actions/action";
import type { AnswerOutcome } from "@/lib/sharing/answer";

export type Decision = "accept" | "reject";

/** How an inbox names what it lists, and what an accepted image is good for (said after accepting). */
export interface DecisionWords {
  noun: string;
  usable?: string;
}

const VERB = { accept: ["Accepted", "accept"], reject: ["Rejected", "reject"] } as const;

/** The toast after accepting or rejecting: what was done, and each failure with its reason and code. */
export function decisionToast(
  decision: Decision,
  targets: { name: string }[],
  result: ActionResult<AnswerOutcome[]>,
  words: DecisionWords,
): Omit<Toast, "id"> {
  const [done, verb] = VERB[decision];
  const subject = (items: { name: string }[]) =>
    items.length === 1 ? items[0].name : plural(items.length, words.noun);
  if (!result.ok) {
    const { message, upstreamCode } = result.error;
    const body = upstreamCode ? `${message} (${upstreamCode})` : message;
    return { tone: "error", title: `Could not ${verb} ${subject(targets)}`, body };
  }
  const all = result.data;
  const failed = all.filter((r) => r.outcome === "failed");
  const ok = all.length - failed.length;
  if (failed.length === 0) {
    const body =
      decision === "accept" && words.usable
        ? `${ok === 1 ? "It" : "They"} can now be used to ${words.usable}.`
        : undefined;
    return { tone: "success", title: `${done} ${subject(all)}`, body };
  }
  const why = (
    <ul className="flex flex-col gap-0.5">
      {failed.map((f) => (
        <li key={f.image}>
          <span className="font-medium text-foreground">{f.name}</span>: {f.reason}
          {f.code && <span className="ml-1 font-mono text-xs">({f.code})</span>}
        </li>
      ))}
    </ul>
  );
  if (ok === 0) return { tone: "error", title: `Could not ${verb} ${subject(all)}`, body: why };
  return {
    tone: "error",
    title: `${done} ${ok} of ${plural(all.length, words.noun)}; ${failed.length} failed`,
    body: why,
  };
}
