import { getFormatter, getTranslations } from "next-intl/server";
import { formatWhen } from "@/lib/i18n/format";
import { DateTime } from "@/components/date-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { listDeliveries } from "@/lib/delivery/outbox";
import { kindKey, type NoticeType } from "@/lib/notify/kinds";
import { SendAgain, SendSmnTest } from "./delivery-buttons";

const TONE = { pending: "warning", delivered: "success", failed: "danger" } as const;

/** What was sent to whom, and how it went: status, attempts, the receiver's last answer, the next try. */
export async function DeliveryLog({
  deliveries,
  hookNames,
  canChange,
  smn,
}: {
  deliveries: Awaited<ReturnType<typeof listDeliveries>>;
  hookNames: Record<string, string>;
  canChange: boolean;
  smn: boolean;
}) {
  const t = await getTranslations("notify.page");
  const kinds = await getTranslations("notify.kinds");
  const format = await getFormatter();
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <CardTitle id="delivery-log">{t("log")}</CardTitle>
          <p className="text-sm text-muted-foreground">{t("logHint")}</p>
        </div>
        {canChange && smn && <SendSmnTest />}
      </CardHeader>
      <CardContent>
        {deliveries.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noDeliveries")}</p>
        ) : (
          <Table aria-labelledby="delivery-log">
            <THead>
              <TR>
                <TH>{t("colWhen")}</TH>
                <TH>{t("colEvent")}</TH>
                <TH>{t("colChannel")}</TH>
                <TH>{t("colStatus")}</TH>
                <TH>{t("colAttempts")}</TH>
                <TH>{t("colLast")}</TH>
              </TR>
            </THead>
            <tbody>
              {deliveries.map((d) => (
                <TR key={d.id} data-testid="delivery">
                  <TD label={t("colWhen")}>
                    <DateTime value={Number(d.created_at)} />
                  </TD>
                  <TD label={t("colEvent")}>
                    {kinds(`${kindKey(d.event_type as NoticeType)}.label`)}
                    <div className="font-mono text-xs text-muted-foreground" translate="no">
                      {d.event_type}
                    </div>
                  </TD>
                  <TD label={t("colChannel")}>
                    {d.channel === "smn" ? t("channelSmn") : t("channelWebhook")}
                    <div
                      className="max-w-56 truncate text-xs text-muted-foreground"
                      translate="no"
                      title={d.destination}
                    >
                      {d.channel === "smn"
                        ? d.destination.split(":").pop()
                        : (hookNames[d.destination] ?? t("goneWebhook"))}
                    </div>
                  </TD>
                  <TD label={t("colStatus")}>
                    <Badge tone={TONE[d.status]}>{t(`status.${d.status}`)}</Badge>
                    {d.status === "pending" && d.attempts > 0 && (
                      <div className="text-xs text-muted-foreground">
                        {t("nextAttempt", { when: formatWhen(format, Number(d.next_attempt_at)) })}
                      </div>
                    )}
                  </TD>
                  <TD label={t("colAttempts")}>{d.attempts}</TD>
                  <TD label={t("colLast")} className="max-w-72">
                    {d.last_status !== null && <span className="font-mono text-xs">{d.last_status} </span>}
                    {d.last_error && (
                      <span className="text-xs break-words text-destructive" translate="no">
                        {d.last_error}
                      </span>
                    )}
                    {d.status === "failed" && canChange && <SendAgain id={d.id} />}
                  </TD>
                </TR>
              ))}
            </tbody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
