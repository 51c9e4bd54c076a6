import type { BatchSummary, ManifestPlan, Me, PlanPair } from "./api";

/** ANSI colours when the output is a terminal that wants them, plain text otherwise (pipes, CI logs, tests). */
export interface Paint {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** Builds the colours once per run, so every line of a command agrees on whether to paint. */
export function paint(enabled: boolean): Paint {
  const code = (open: number, close: number) => (text: string) =>
    enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text;
  return { green: code(32, 39), red: code(31, 39), yellow: code(33, 39), dim: code(2, 22), bold: code(1, 22) };
}

const SYMBOL: Record<PlanPair["action"], string> = { add: "+", remove: "-", blocked: "!", keep: "=" };
const ORDER: PlanPair["action"][] = ["add", "remove", "blocked", "keep"];

/**
 * One line per pair a reader must look at, adds first, then removes and blocked pairs (keeps only when
 * asked): the image, the target and what the member is now, aligned so a long plan scans by column.
 */
export function pairLines(pairs: PlanPair[], p: Paint, options: { keeps: boolean; ids: boolean }): string[] {
  const shown = pairs
    .filter((pair) => options.keeps || pair.action !== "keep")
    .sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action));
  const nameOf = (pair: PlanPair) =>
    `${pair.imageName || pair.image}${pair.service === "cph" ? " [cph]" : ""}${options.ids ? ` (${pair.image})` : ""}`;
  const width = Math.max(0, ...shown.map((pair) => nameOf(pair).length));
  const kindWidth = Math.max(0, ...shown.map((pair) => pair.target.kind.length));
  return shown.map((pair) => {
    const colour = { add: p.green, remove: p.red, blocked: p.yellow, keep: p.dim }[pair.action];
    const target = `${pair.target.kind.padEnd(kindWidth)} ${pair.target.value}`;
    const notes = notesOf(pair);
    return `  ${colour(SYMBOL[pair.action])} ${nameOf(pair).padEnd(width)}  ${target}${notes ? `  ${p.dim(notes)}` : ""}`;
  });
}

/** What the line says after the target: the member's status now, an end date, a verdict, why blocked. */
function notesOf(pair: PlanPair): string {
  const notes: string[] = [];
  if (pair.memberStatus) notes.push(pair.memberStatus);
  if (pair.endsAt && pair.action === "add") notes.push(`ends ${pair.endsAt}`);
  if (pair.verdict === "approval") notes.push("needs approval");
  if (pair.verdict === "reason") notes.push("needs a reason (--reason)");
  if (pair.reason) notes.push(pair.reason);
  return notes.join("; ");
}

/** The whole plan as the `plan` and `apply` commands print it: the pairs, the warnings, one summary line. */
export function planText(plan: ManifestPlan, p: Paint, verbose: boolean): string {
  const lines = pairLines(plan.pairs, p, { keeps: verbose, ids: verbose });
  const { add, remove, blocked, keep } = plan.counts;
  if (!verbose && keep > 0) lines.push(p.dim(`  = ${keep} unchanged (--verbose lists them)`));
  if (plan.warnings.length > 0) {
    lines.push("", p.yellow("Warnings:"), ...plan.warnings.map((w) => `  ${p.yellow("!")} ${w.message}`));
  }
  lines.push("", p.bold(`Plan: ${add} to add, ${remove} to remove, ${blocked} blocked, ${keep} unchanged.`));
  return `${lines.join("\n")}\n`;
}

/** Whether applying the plan would send anything: blocked pairs are reported, never sent. */
export function hasChanges(plan: ManifestPlan): boolean {
  return plan.counts.add + plan.counts.remove > 0;
}

/** A batch's progress in one line, printed each time it moves while `apply` follows it. */
export function batchLine(batch: BatchSummary, p: Paint): string {
  const { launched, done, succeeded, failed, cancelled } = batch.counts;
  const parts = [`${succeeded} succeeded`];
  if (failed > 0) parts.push(p.red(`${failed} failed`));
  if (cancelled > 0) parts.push(`${cancelled} cancelled`);
  const message = batch.statusMessage ? `: ${batch.statusMessage}` : "";
  return `batch ${batch.id}: ${done}/${launched} done (${parts.join(", ")}), ${batch.status.replaceAll("_", " ")}${message}`;
}

/** Who the console takes the token for, and what the token may do. */
export function meText(me: Me): string {
  return [
    `${me.userName} (account ${me.accountName})`,
    `project ${me.projectName} (${me.projectId}), region ${me.region}`,
    `token "${me.token.name}": ${me.token.access}, expires ${me.token.expiresAt}`,
  ]
    .map((line) => `${line}\n`)
    .join("");
}
