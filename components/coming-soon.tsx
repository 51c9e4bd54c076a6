import { useTranslations } from "next-intl";
import { EmptyState } from "./empty-state";

/** An area of the navigation that is not built yet: says so plainly instead of showing an empty table. */
export function ComingSoon({ area }: { area: string }) {
  const t = useTranslations("shell.comingSoon");
  return <EmptyState title={t("title", { area })} hint={t("hint")} className="p-10" />;
}
