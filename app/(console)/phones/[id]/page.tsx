import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { dataTag } from "@/components/data-text";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/table-skeleton";
import { canChange, withCloud } from "@/lib/auth/session";
import { listPhoneImageMembers } from "@/lib/cloud/cph";
import { PHONE_IMAGE_ID } from "@/lib/ids";
import { BACK_PARAM, returnTo } from "@/lib/lists/return-to";
import { findPhoneImage } from "@/lib/sharing/phones";
import { MembersSection } from "./_components/members-section";
import { PhoneFacts } from "./_components/phone-facts";
import { PhoneShare, ShareButton } from "./_components/phone-share";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("phones.image");
  return { title: t("title") };
}

export default async function PhoneImagePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const back = returnTo((await searchParams)[BACK_PARAM], "/phones");
  if (!PHONE_IMAGE_ID.test(id)) notFound();
  const { image, session } = await withCloud(async (scope, session) => ({
    image: await findPhoneImage(scope, id),
    session,
  }));
  if (!image) notFound();
  const editable = canChange(session);
  const t = await getTranslations("phones.image");
  // Read once, for the members table and the share plan's summary.
  const members = withCloud((scope) => listPhoneImageMembers(scope, image.image_id));
  return (
    <>
      <Link
        href={back}
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden className="size-4" />
        {t("back")}
      </Link>
      <PageHeader
        title={<span translate="no">{image.image_name}</span>}
        description={t.rich("description", { project: session.projectName, name: dataTag })}
        actions={
          editable && (
            <Suspense fallback={<ShareButton disabled />}>
              <PhoneShare image={image} region={session.region} members={members} />
            </Suspense>
          )
        }
      />
      <div className="flex flex-col gap-6">
        <PhoneFacts image={image} projectName={session.projectName} />
        <Suspense fallback={<TableSkeleton rows={3} label={t("loadingMembers")} />}>
          <MembersSection image={image} members={members} editable={editable} />
        </Suspense>
      </div>
    </>
  );
}
