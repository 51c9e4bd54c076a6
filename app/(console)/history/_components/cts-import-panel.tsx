import { getFormatter, getTranslations } from "next-intl/server";
import { codeTag, dataTag } from "@/components/data-text";
import { When } from "@/components/date-time";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { lastImport, type CtsImportRow } from "@/lib/audit/cts-import";
import { NO_SESSION, nextRunAt } from "@/lib/audit/cts-schedule";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { formatAgo, formatWhen } from "@/lib/i18n/format";
import { say, type RootTranslator } from "@/lib/i18n/text";
import { storedErrorText } from "@/lib/sharing/pairs";
import { ImportNowButton } from "./import-now-button";

const DAYS = (ms: number) => Math.round(ms / (24 * 3600_000));

type T = Awaited<ReturnType<typeof getTranslations<"history.cts">>>;

function outcome(t: T, root: RootTranslator, run: CtsImportRow): { tone: "info" | "warning" | "error"; text: string } {
  switch (run.status) {
    case "succeeded":
      return { tone: "info", text: t("succeeded", { imported: run.imported, known: run.known }) };
    case "running":
      return { tone: "info", text: t("running") };
    case "skipped":
      // The schedule stores its own sentence in English (lib/audit/cts-schedule): said in the reader's language.
      return {
        tone: "warning",
        text: run.error_message === NO_SESSION ? t("noSession") : (run.error_message ?? t("skipped")),
      };
    default: {
      // Stored in English as the run failed: the vocabulary's sentences are said again in the reader's language.
      const message = run.error_message
        ? say(root, storedErrorText(run.error_code ?? "internal", run.error_message))
        : t("unknownError");
      return {
        tone: "error",
        text: run.error_code ? t("failedCode", { message, code: run.error_code }) : t("failed", { message }),
      };
    }
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
  const t = await getTranslations("history.cts");
  const format = await getFormatter();
  const words = await getTranslations("common.time");
  const { ran, now } = await load(accountId, projectId);
  const interval = env.CTS_IMPORT_INTERVAL_MS;
  const result = ran && outcome(t, (await getTranslations()) as RootTranslator, ran);
  const due = (at: number) => (at <= now ? t("dueNow") : formatWhen(format, at));
  const days = DAYS(7 * 24 * 3600_000);
  const uncovered = !ran?.covered_to || now - Number(ran.covered_to) > 7 * 24 * 3600_000;

  return (
    <Card aria-labelledby="cts-import-title" data-testid="cts-import-panel">
      <CardHeader>
        <CardTitle id="cts-import-title">{t("title")}</CardTitle>
        <p className="text-sm text-muted-foreground">
          {t.rich("intro", { b: (chunks) => <span className="font-medium text-foreground">{chunks}</span> })}
        </p>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 break-words">
          <dt className="text-muted-foreground">{t("lastImport")}</dt>
          <dd data-testid="cts-last-import">
            {ran ? (
              <>
                <When value={Number(ran.started_at)} />
                {t.rich("ranHow", {
                  ago: formatAgo(format, words, Number(ran.started_at), now),
                  trigger: ran.trigger === "manual" ? "manual" : "schedule",
                  hasUser: ran.user_name ? "yes" : "no",
                  user: ran.user_name ?? "",
                  name: dataTag,
                })}
                <span className={result?.tone === "error" ? "text-destructive" : undefined}>{result?.text}</span>
              </>
            ) : (
              t("never")
            )}
          </dd>
          {ran?.window_from && ran.window_to && (
            <>
              <dt className="text-muted-foreground">{t("windowRead")}</dt>
              <dd>
                {t("window", {
                  from: formatWhen(format, Number(ran.window_from)),
                  to: formatWhen(format, Number(ran.window_to)),
                })}
              </dd>
            </>
          )}
          <dt className="text-muted-foreground">{t("nextRun")}</dt>
          <dd data-testid="cts-next-import">
            {interval > 0
              ? t("nextRunEvery", {
                  due: due(nextRunAt(ran ? Number(ran.started_at) : undefined, interval, now)),
                  minutes: Math.round(interval / 60_000),
                })
              : t.rich("scheduleOff", { code: codeTag })}
          </dd>
        </dl>
        <Alert tone={uncovered ? "warning" : "info"}>
          {t("retention", { days, missing: uncovered && ran ? "yes" : "no" })}
          {env.CTS_IMPORT_SETTLE_MS >= 60_000 && (
            <> {t("settle", { minutes: Math.round(env.CTS_IMPORT_SETTLE_MS / 60_000) })}</>
          )}
        </Alert>
        <ImportNowButton />
      </CardContent>
    </Card>
  );
}
