import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { lastImport, type CtsImportRow } from "@/lib/audit/cts-import";
import { nextRunAt } from "@/lib/audit/cts-schedule";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { formatAgo, formatDate, plural } from "@/lib/format";
import { ImportNowButton } from "./import-now-button";

const events = (n: number) => plural(n, "new event");
const due = (at: number, now: number) => (at <= now ? "Due now (within a minute)" : formatDate(at));
const DAYS = (ms: number) => Math.round(ms / (24 * 3600_000));

function outcome(run: CtsImportRow): { tone: "info" | "warning" | "error"; text: string } {
  switch (run.status) {
    case "succeeded":
      return { tone: "info", text: `${events(run.imported)}, ${run.known} already known.` };
    case "running":
      return { tone: "info", text: "Running now." };
    case "skipped":
      return { tone: "warning", text: run.error_message ?? "Skipped." };
    default:
      return {
        tone: "error",
        text: `Failed: ${run.error_message ?? "unknown error"}${run.error_code ? ` (${run.error_code})` : ""}`,
      };
  }
}

/** The project's last run (none before the first), read at request time. */
async function load(accountId: string, projectId: string) {
  const run = await lastImport(await getDb(), accountId, projectId);
  return { ran: run && run.status !== "never" && run.started_at ? run : undefined, now: Date.now() };
}

/**
 * Sharing done outside the console (CLI, SDKs, Huawei's own console), read from CTS: when this
 * project's last import ran and what it found, the next scheduled run, "Import now", and CTS's 7 days.
 */
export async function CtsImportPanel({ accountId, projectId }: { accountId: string; projectId: string }) {
  const { ran, now } = await load(accountId, projectId);
  const interval = env.CTS_IMPORT_INTERVAL_MS;
  const result = ran && outcome(ran);
  const uncovered = !ran?.covered_to || now - Number(ran.covered_to) > 7 * 24 * 3600_000;

  return (
    <Card aria-labelledby="cts-import-title" data-testid="cts-import-panel">
      <CardHeader>
        <CardTitle id="cts-import-title">Sharing done outside the console</CardTitle>
        <p className="text-sm text-muted-foreground">
          Image shares, unshares, accepts and rejects made with the CLI, the SDKs or Huawei Cloud&apos;s own console are
          read from Cloud Trace Service (IMS and CPH) and added to this history, marked{" "}
          <span className="font-medium text-foreground">CTS</span>.
        </p>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 break-words">
          <dt className="text-muted-foreground">Last import</dt>
          <dd data-testid="cts-last-import">
            {ran ? (
              <>
                {formatDate(Number(ran.started_at))} ({formatAgo(Number(ran.started_at), now)}),{" "}
                {ran.trigger === "manual" ? "on demand" : "scheduled"}
                {ran.user_name && <> as {ran.user_name}</>}:{" "}
                <span className={result?.tone === "error" ? "text-destructive" : undefined}>{result?.text}</span>
              </>
            ) : (
              "Never: nothing from CTS is in this history yet."
            )}
          </dd>
          {ran?.window_from && ran.window_to && (
            <>
              <dt className="text-muted-foreground">Window read</dt>
              <dd>
                {formatDate(Number(ran.window_from))} to {formatDate(Number(ran.window_to))}
              </dd>
            </>
          )}
          <dt className="text-muted-foreground">Next scheduled run</dt>
          <dd data-testid="cts-next-import">
            {interval > 0
              ? `${due(nextRunAt(ran ? Number(ran.started_at) : undefined, interval, now), now)}, then every ${Math.round(interval / 60_000)} minutes while a user of this project is signed in`
              : "None: scheduled imports are off (CTS_IMPORT_INTERVAL_MS=0). Use Import now."}
          </dd>
        </dl>
        <Alert tone={uncovered ? "warning" : "info"}>
          CTS keeps traces for {DAYS(7 * 24 * 3600_000)} days only. A change made outside the console can be seen here
          only if an import ran within {DAYS(7 * 24 * 3600_000)} days of it
          {uncovered && ran
            ? "; the last complete import is older than that, so some outside changes may be missing"
            : ""}
          .
          {env.CTS_IMPORT_SETTLE_MS >= 60_000 && (
            <>
              {" "}
              Traces of the last {Math.round(env.CTS_IMPORT_SETTLE_MS / 60_000)} minutes wait for the next run, so that
              console changes still in progress are not taken for outside ones.
            </>
          )}
        </Alert>
        <ImportNowButton />
      </CardContent>
    </Card>
  );
}
