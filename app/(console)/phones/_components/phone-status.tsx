import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const STATUS: Record<number, { key: "creating" | "usable" | "failed"; tone: "warning" | "success" | "danger" }> = {
  0: { key: "creating", tone: "warning" },
  1: { key: "usable", tone: "success" },
  2: { key: "failed", tone: "danger" },
};

/** CPH reports image status as a number: 0 creating, 1 usable (PRODUCTION), 2 creation failed. */
export function PhoneStatus({ status }: { status: number }) {
  const t = useTranslations("phones.status");
  const s = STATUS[status];
  if (!s) return <Badge tone="warning">{t("unknown", { status })}</Badge>;
  return <Badge tone={s.tone}>{t(s.key)}</Badge>;
}
