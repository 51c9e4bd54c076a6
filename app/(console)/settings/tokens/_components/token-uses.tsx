import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/date-time";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { ApiTokenUse, ApiTokenView } from "@/lib/tokens/store";

/** The newest requests made with one token: method, path, the answer's status, when. */
export async function TokenUses({ token, uses }: { token: ApiTokenView; uses: ApiTokenUse[] }) {
  const t = await getTranslations("tokens.uses");
  return (
    <Card id="token-uses" aria-labelledby="token-uses-title">
      <CardHeader>
        <CardTitle id="token-uses-title">{t("caption", { name: token.name })}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("kept")}</p>
      </CardHeader>
      <CardContent>
        {uses.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <Table>
            <caption className="sr-only">{t("caption", { name: token.name })}</caption>
            <THead>
              <TR>
                <TH>{t("time")}</TH>
                <TH>{t("method")}</TH>
                <TH>{t("path")}</TH>
                <TH>{t("status")}</TH>
              </TR>
            </THead>
            <tbody>
              {uses.map((use, i) => (
                <TR key={`${use.at}-${i}`}>
                  <TD label={t("time")}>
                    <DateTime value={use.at} />
                  </TD>
                  <TD label={t("method")}>
                    <code translate="no" className="font-mono text-xs">
                      {use.method}
                    </code>
                  </TD>
                  <TD label={t("path")} className="max-w-96">
                    <code translate="no" className="font-mono text-xs break-all">
                      {use.path}
                    </code>
                  </TD>
                  <TD label={t("status")}>
                    <code
                      translate="no"
                      className={use.status < 400 ? "font-mono text-xs" : "font-mono text-xs text-destructive"}
                    >
                      {use.status}
                    </code>
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
