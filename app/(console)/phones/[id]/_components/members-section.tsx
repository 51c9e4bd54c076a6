import { QuotaMeter } from "@/components/quota-meter";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { withCloud } from "@/lib/auth/session";
import { listPhoneImageMembers } from "@/lib/cloud/cph";
import type { PhoneImage } from "@/lib/cloud/schemas/cph";
import { PHONE_MEMBER_LIMIT } from "@/lib/sharing/phone-plan";
import { ownProjects } from "../../data";
import { MembersTable } from "./members-table";
import type { MemberRow } from "./types";

/** The image's members, named when they are projects of the user's own account. */
export async function MembersSection({ image, editable }: { image: PhoneImage; editable: boolean }) {
  const [members, projects] = await withCloud((scope, session) =>
    Promise.all([listPhoneImageMembers(scope, image.image_id), ownProjects(session)]),
  );
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const rows: MemberRow[] = members.map((m) => ({
    memberId: m.member_id,
    projectName: names.get(m.member_id),
    createTime: m.create_time,
    updateTime: m.update_time,
  }));
  return (
    <Card aria-labelledby="members-title">
      <CardHeader className="flex-row items-start justify-between gap-6">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <CardTitle id="members-title">Members</CardTitle>
          <p className="text-sm text-muted-foreground">
            CPH does not report whether a member has accepted: a project can create phones from the image only after
            accepting it.
          </p>
        </div>
        <QuotaMeter used={rows.length} limit={PHONE_MEMBER_LIMIT} className="w-32 shrink-0" />
      </CardHeader>
      <CardContent>
        <MembersTable imageId={image.image_id} imageName={image.image_name} members={rows} editable={editable} />
      </CardContent>
    </Card>
  );
}
