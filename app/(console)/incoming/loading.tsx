import { useTranslations } from "next-intl";
import { TableSkeleton } from "@/components/table-skeleton";

/**
 * Only list pages without detail routes below them stream a skeleton: a detail page (`/images/{id}`,
 * `/batches/{id}`, `/history?event=`) renders whole, so that an id that is not this project's
 * answers with a real 404 status rather than a not-found view inside a 200.
 */
export default function Loading() {
  const t = useTranslations("shell");
  return <TableSkeleton label={t("loadingIncoming")} />;
}
