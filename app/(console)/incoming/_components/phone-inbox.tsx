import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { lastPhoneDecisions } from "@/lib/audit/decisions";
import { withCloud } from "@/lib/auth/session";
import { listSharedPhoneImages } from "@/lib/cloud/cph";
import { getDb } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { PhoneInboxTable, type PhoneInboxRow } from "./phone-inbox-table";

/** The phone images shared with the project, each with the last decision this console recorded. */
async function loadPhoneInbox() {
  return withCloud(async (scope) => {
    const { images, total } = await listSharedPhoneImages(scope);
    const ids = images.map((i) => i.image_id);
    // The audit trail only adds the last decision: a database failure costs that column, not the list.
    const decisions = await getDb()
      .then((db) => lastPhoneDecisions(db, scope.projectId, ids))
      .catch((e: unknown) => {
        console.error("phone inbox: could not read decisions from the audit trail:", e);
        return undefined;
      });
    const rows: PhoneInboxRow[] = images.map((i) => ({
      id: i.image_id,
      name: i.image_name,
      ownerProjectId: i.src_project_id,
      version: i.image_version,
      sizeBytes: i.image_size,
      createTime: i.create_time,
      decision: decisions ? (decisions.get(i.image_id) ?? null) : undefined,
    }));
    return { rows, total };
  });
}

/** A section of the Incoming page: CPH images other projects share with this one, to accept or reject. */
export async function PhoneInbox({ canChange }: { canChange: boolean }) {
  const t = await getTranslations("incoming.phone");
  const inbox = await loadPhoneInbox().then(
    (data) => ({ ok: true as const, ...data }),
    (e: unknown) => {
      unstable_rethrow(e);
      return { ok: false as const, error: toAppError(e) };
    },
  );
  return (
    <Card aria-labelledby="phone-inbox-title">
      <CardHeader>
        <CardTitle id="phone-inbox-title">{t("title")}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
      </CardHeader>
      <CardContent>
        {inbox.ok ? (
          <>
            {inbox.total > inbox.rows.length && (
              <Alert tone="warning" className="mb-3">
                {t("truncated", { shown: inbox.rows.length, total: inbox.total })}
              </Alert>
            )}
            <PhoneInboxTable rows={inbox.rows} canChange={canChange} />
          </>
        ) : (
          <Alert tone="error">
            {t("unreadable")} {inbox.error.message}
            {inbox.error.upstreamCode && <span className="ml-1 font-mono text-xs">({inbox.error.upstreamCode})</span>}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
