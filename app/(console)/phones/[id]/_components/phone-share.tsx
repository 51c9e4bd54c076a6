import { Share2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { Button } from "@/components/ui/button";
import type { PhoneImage, PhoneMember } from "@/lib/cloud/schemas/cph";
import { PHONE_MEMBER_LIMIT } from "@/lib/sharing/rules";
import { requestApprovalAction } from "../../../approvals/actions";
import { planPhoneShareAction, sharePhoneImageAction } from "../../actions";

const ACTIONS = { plan: planPhoneShareAction, share: sharePhoneImageAction, requestApproval: requestApprovalAction };

/** The Share button of a phone image, once its members are read (the plan's summary counts them). */
export async function PhoneShare({
  image,
  region,
  members,
}: {
  image: PhoneImage;
  region: string;
  members: Promise<PhoneMember[]>;
}) {
  const used = (await members).length;
  return (
    <ShareDialog
      service="cph"
      images={[{ id: image.image_id, name: image.image_name }]}
      actions={ACTIONS}
      region={region}
      quota={{ used, limit: PHONE_MEMBER_LIMIT }}
      trigger={<ShareButton />}
    />
  );
}

export function ShareButton({ disabled }: { disabled?: boolean }) {
  const t = useTranslations("phones.image");
  return (
    <Button disabled={disabled}>
      <Share2 aria-hidden />
      {t("share")}
    </Button>
  );
}
