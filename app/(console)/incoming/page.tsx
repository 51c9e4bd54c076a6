import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";
import { PageHeader } from "@/components/page-header";
import { requireSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Incoming" };

export default async function Page() {
  await requireSession();
  return (
    <>
      <PageHeader title="Incoming" description="IMS and CPH images other projects have shared with this one, to accept or reject." />
      <ComingSoon area="Incoming" />
    </>
  );
}
