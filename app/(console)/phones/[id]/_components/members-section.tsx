import { getTranslations } from "next-intl/server";
import { QuotaMeter } from "@/components/quota-meter";
import { MembersTable, type MemberRow } from "@/components/sharing/members-table";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { withCloud } from "@/lib/auth/session";
import type { PhoneImage, PhoneMember } from "@/lib/cloud/schemas/cph";
import { ownProjects } from "@/lib/sharing/facts";
import { PHONE_MEMBER_LIMIT } from "@/lib/sharing/rules";
import { leaseView, memberLeases } from "@/lib/sharing/lease-view";
import { leasePhoneMembersAction, unsharePhoneImageAction } from "../../actions";

/** The image's members, named when they are projects of the user's own account. */
export async function MembersSection({
  image,
  members: read,
  editable,
}: {
  image: PhoneImage;
  members: Promise<PhoneMember[]>;
  editable: boolean;
}) {
  const [members, projects, leases] = await Promise.all([
    read,
    withCloud((_, session) => ownProjects(session)),
    withCloud((scope) => memberLeases(scope.projectId, image.image_id)),
  ]);
  const t = await getTranslations("phones.members");
  const root = await getTranslations();
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const rows: MemberRow[] = members.map((m) => ({
    id: m.member_id,
    name: names.get(m.member_id),
    sharedAt: m.create_time,
    updatedAt: m.update_time,
    lease: leaseView(root, leases.get(m.member_id)),
  }));
  return (
    <Card aria-labelledby="members-title">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="flex min-w-60 flex-1 flex-col gap-1">
          <CardTitle id="members-title">{t("title")}</CardTitle>
          <p className="text-sm text-muted-foreground">{t("note")}</p>
        </div>
        <QuotaMeter used={rows.length} limit={PHONE_MEMBER_LIMIT} className="w-32 shrink-0" />
      </CardHeader>
      <CardContent>
        <MembersTable
          service="cph"
          image={{ id: image.image_id, name: image.image_name }}
          members={rows}
          memberHeading={t("memberHeading")}
          canChange={editable}
          unshare={unsharePhoneImageAction}
          lease={leasePhoneMembersAction}
          empty={{
            title: t("emptyTitle"),
            hint: editable ? t("emptyHint") : t("emptyHintReadOnly"),
          }}
        />
      </CardContent>
    </Card>
  );
}
