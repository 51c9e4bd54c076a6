import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";
import { PageHeader } from "@/components/page-header";
import { requireSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Phone images" };

export default async function Page() {
  await requireSession();
  return (
    <>
      <PageHeader title="Phone images" description="CPH cloud-phone images owned by this project, with their members (10 per image, same region)." />
      <ComingSoon area="Phone images" />
    </>
  );
}
