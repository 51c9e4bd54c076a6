import type { useTranslations } from "next-intl";
import type { Toast } from "@/components/toaster";
import { Said } from "@/components/use-text";
import type { ActionResult } from "@/lib/actions/action";
import type { AnswerOutcome } from "@/lib/sharing/answer";

export type Decision = "accept" | "reject";

/** How an inbox names what it lists, and what an accepted image is good for (said after accepting). */
export interface DecisionWords {
  noun: "images" | "phoneImages";
  usable?: "usablePhones";
}

/** The translator of the `incoming.toast` messages. */
export type ToastT = ReturnType<typeof useTranslations<"incoming.toast">>;

/** The toast after accepting or rejecting: what was done, and each failure with its reason and code. */
export function decisionToast(
  decision: Decision,
  targets: { name: string }[],
  result: ActionResult<AnswerOutcome[]>,
  words: DecisionWords,
  t: ToastT,
): Omit<Toast, "id"> {
  const subject = (items: { name: string }[]) =>
    items.length === 1 ? items[0].name : t(words.noun, { count: items.length });
  if (!result.ok) {
    const { message, upstreamCode } = result.error;
    const body = upstreamCode ? `${message} (${upstreamCode})` : message;
    return { tone: "error", title: t("couldNot", { decision, subject: subject(targets) }), body };
  }
  const all = result.data;
  const failed = all.filter((r) => r.outcome === "failed");
  const ok = all.length - failed.length;
  if (failed.length === 0) {
    const body = decision === "accept" && words.usable ? t(words.usable, { count: ok }) : undefined;
    return { tone: "success", title: t("done", { decision, subject: subject(all) }), body };
  }
  const why = (
    <ul className="flex flex-col gap-0.5">
      {failed.map((f) => (
        <li key={f.image}>
          <span className="font-medium text-foreground">{f.name}</span>: {f.reason && <Said sentence={f.reason} />}
          {f.code && <span className="ml-1 font-mono text-xs">({f.code})</span>}
        </li>
      ))}
    </ul>
  );
  if (ok === 0) return { tone: "error", title: t("couldNot", { decision, subject: subject(all) }), body: why };
  return {
    tone: "error",
    title: t("partly", { decision, ok, subject: t(words.noun, { count: all.length }), failed: failed.length }),
    body: why,
  };
}
