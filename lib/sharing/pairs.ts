import { AUDIT_SENTENCES, type AuditPair } from "@/lib/audit/writer";
import type { AuditOutcome } from "@/lib/db/types";
import { ANSWER_LOST, ERRORS, READ_ONLY, REFUSED, upstreamSentence, type AppError, type ErrorCode } from "@/lib/errors";
import { upstreamKey } from "@/lib/localize/errors";
import { text, type Text } from "@/lib/i18n/text";

/**
 * The vocabulary of member changes, shared by single shares, phone shares, the inbox, batches and the
 * intent reconciler: a pair is one image and one member; its outcome is what the cloud did to it.
 */

export type { ImageService, Operation } from "@/lib/db/types";

/** One image and one member id (a project, an account, or an organization or OU id). */
export interface Pair {
  image: string;
  target: string;
}

/**
 * What happened to one pair (as the audit trail keeps it, plus a sentence): `code` is the cloud's
 * (`IMG.0088`) or the console's (`not_applied`, or the plan rule that skipped it).
 */
export interface PairOutcome extends AuditPair {
  reason?: Text;
}

/**
 * The one roll-up of pair outcomes (or batch pair statuses): skipped pairs do not count; succeeded when
 * every other pair succeeded (or nothing was sent), failed when none did, partial otherwise. Anything
 * but `succeeded` and `skipped` (failed, cancelled) counts against it.
 */
export function rollUp(pairs: readonly { outcome: string }[]): AuditOutcome {
  let sent = 0;
  let ok = 0;
  for (const p of pairs) {
    if (p.outcome === "skipped") continue;
    sent++;
    if (p.outcome === "succeeded") ok++;
  }
  return ok === sent ? "succeeded" : ok === 0 ? "failed" : "partial";
}

/** The console's own failure codes, when the cloud gave none of its own (`sharing.failures`). */
const CONSOLE_FAILURES = ["job_failed", "job_unfinished", "not_applied"] as const;
const isConsoleFailure = (code: string): code is (typeof CONSOLE_FAILURES)[number] =>
  (CONSOLE_FAILURES as readonly string[]).includes(code);

/**
 * The sentence for a failed pair's code: the vocabulary's for a cloud code it knows (`IMG.0108`), the
 * console's for its own, else the cloud's own words (`fallback`, a job's fail_reason) or a sentence that
 * names the code; the code itself stays beside it as the reference.
 */
export function failureReason(code: string, fallback?: string | null): Text {
  if (upstreamSentence(code) !== undefined) return text(`errors.${upstreamKey(code)}`);
  if (isConsoleFailure(code)) return text(`sharing.failures.${code}`);
  if (fallback) return said(fallback);
  return text("sharing.failures.refused", { code });
}

/** Words the console passes on as they are (the cloud's own, a refusal's sentence), in every language. */
export const said = (sentence: string): Text => text("sharing.failures.said", { sentence });

/**
 * An error's sentence as a Text, read the way `localizeError` (lib/localize/errors.ts) reads it: the
 * vocabulary's for its code or a known upstream code, the wrapper's own; else the message as it is.
 */
export function errorText({ code, message, upstreamCode }: AppError): Text {
  if (message === ERRORS[code][1]) return text(`errors.codes.${code}`);
  if (upstreamCode && message === upstreamSentence(upstreamCode)) return text(`errors.${upstreamKey(upstreamCode)}`);
  if (message === ANSWER_LOST) return text("errors.answerLost");
  if (message === READ_ONLY) return text("errors.readOnly");
  if (code === "invalid_input" && upstreamCode && message.startsWith(REFUSED))
    return text("errors.refused", { message: message.slice(REFUSED.length) });
  return said(message);
}

/** The console's own sentences of the audit trail, as patterns that give back their numbers. */
const STORED = [
  [AUDIT_SENTENCES.pairsFailed, "history.outcome.pairsFailed", ["failed", "total"]],
  [AUDIT_SENTENCES.interrupted, "history.outcome.interrupted", ["notApplied", "total"]],
] as const;
/** The sentence written with two stand-in numbers, each then made a group that takes any number. */
function patternOf(sentence: (a: number, b: number) => string): RegExp {
  const escaped = sentence(1111111111, 2222222222).replace(/[.*+?^$()|[\]\\{}]/g, "\\$&");
  return new RegExp(`^${escaped.replace("1111111111", "(\\d+)").replace("2222222222", "(\\d+)")}$`);
}
const PATTERNS = STORED.map(([sentence, key, names]) => ({ pattern: patternOf(sentence), key, names }));

/**
 * An audit event's error as a Text. The trail keeps what was written, in English (it is hash-chained):
 * the console's own sentences are read back by their shape, the vocabulary's by the code; anything else
 * is the cloud's own words (a CTS trace's, a job's fail reason), passed on as they are.
 */
export function storedErrorText(code: string, message: string): Text {
  for (const { pattern, key, names } of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return text(key, { [names[0]]: Number(m[1]), [names[1]]: Number(m[2]) });
  }
  if (code in ERRORS) return errorText({ code: code as ErrorCode, message });
  if (message === upstreamSentence(code)) return text(`errors.${upstreamKey(code)}`);
  return said(message);
}
