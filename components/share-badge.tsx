import { Ban, CircleCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/** Whether an image can be shared, and if not, why: the short label shows, the full reason is read out. */
export function ShareBadge({ blocker }: { blocker?: { code: string; label: string; reason: string } }) {
  const t = useTranslations("sharing");
  if (!blocker) {
    return (
      <Badge tone="success">
        <CircleCheck aria-hidden className="size-3" />
        {t("shareable")}
      </Badge>
    );
  }
  return (
    <Badge tone="danger" title={`${blocker.reason} (${blocker.code})`} className="whitespace-nowrap">
      <Ban aria-hidden className="size-3" />
      {blocker.label}
      <span className="sr-only">: {blocker.reason}</span>
    </Badge>
  );
}
