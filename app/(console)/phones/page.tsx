import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { z } from "zod";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/table-skeleton";
import { requireSession } from "@/lib/auth/session";
import { PhoneImagesTable } from "./_components/phone-images-table";
import { PhoneSearch } from "./_components/phone-search";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("phones");
  return { title: t("title") };
}

const LIMITS = [10, 25, 50];
const DEFAULT_LIMIT = 25;

const searchSchema = z.object({
  q: z.string().trim().max(128).optional().catch(undefined),
  full: z.enum(["90"]).optional().catch(undefined),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).catch(0),
  limit: z.coerce
    .number()
    .int()
    .refine((n) => LIMITS.includes(n))
    .default(DEFAULT_LIMIT)
    .catch(DEFAULT_LIMIT),
});

export default async function PhonesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSession();
  const { q, offset, limit, full } = searchSchema.parse(await searchParams);
  const query = { q: q || undefined, offset, limit, full };
  const t = await getTranslations("phones");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PhoneSearch q={query.q} full={full} limit={limit} defaultLimit={DEFAULT_LIMIT} />
      <Suspense
        key={`${query.q}-${offset}-${limit}-${full}`}
        fallback={<TableSkeleton rows={4} label={t("loading")} />}
      >
        <PhoneImagesTable query={query} defaultLimit={DEFAULT_LIMIT} />
      </Suspense>
    </>
  );
}
