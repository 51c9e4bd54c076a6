import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";
import { PageHeader } from "@/components/page-header";
import { requireSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "History" };

export default async function Page() {
  await requireSession();
  return (
    <>
      <PageHeader title="History" description="Every change made through this console, and sharing done elsewhere read from CTS." />
      <ComingSoon area="History" />
    </>
  );
}
