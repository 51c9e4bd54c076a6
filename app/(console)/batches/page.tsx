import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";
import { PageHeader } from "@/components/page-header";
import { requireSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Batches" };

export default async function Page() {
  await requireSession();
  return (
    <>
      <PageHeader title="Batches" description="Shares of many images with many projects, accounts or organizations, followed job by job." />
      <ComingSoon area="Batches" />
    </>
  );
}
