"use client";

import { Share2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { MembersTable, type MemberRow } from "@/components/sharing/members-table";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { Button } from "@/components/ui/button";
import { leaseMembersAction, planShareAction, shareImagesAction, unshareMembersAction } from "../../actions";
import { requestApprovalAction } from "../../../approvals/actions";

const SHARE_ACTIONS = { plan: planShareAction, share: shareImagesAction, requestApproval: requestApprovalAction };

/** The members of an image, with share and removal for users who may change them. */
export function MembersPanel({
  image,
  members,
  limit,
  shareable,
  canChange,
}: {
  image: { id: string; name: string };
  members: MemberRow[];
  limit: number;
  shareable: boolean;
  canChange: boolean;
}) {
  const t = useTranslations("images.members");
  const full = members.length >= limit;

  return (
    <section aria-labelledby="members-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="members-heading" className="text-base font-semibold">
          {t("heading")} <span className="font-normal text-muted-foreground">({members.length})</span>
        </h2>
        {canChange && shareable && (
          <ShareDialog
            service="ims"
            images={[image]}
            actions={SHARE_ACTIONS}
            quota={{ used: members.length, limit }}
            trigger={
              <Button disabled={full} title={full ? t("full") : undefined}>
                <Share2 aria-hidden />
                {t("share")}
              </Button>
            }
          />
        )}
      </div>
      <p className="text-xs text-muted-foreground">{t("note")}</p>
      <MembersTable
        service="ims"
        image={image}
        members={members}
        columns={["type", "status"]}
        canChange={canChange}
        unshare={unshareMembersAction}
        lease={leaseMembersAction}
        empty={{
          title: t("emptyTitle"),
          hint: canChange && shareable ? t("emptyHint") : undefined,
        }}
      />
    </section>
  );
}
