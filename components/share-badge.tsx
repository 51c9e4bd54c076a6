import { Ban, CircleCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { useText } from "@/components/use-text";
import type { Text } from "@/lib/i18n/text";

/** Whether an image can be shared, and if not, why: the short label shows, the full reason is read out. */
export function ShareBadge({ blocker }: { blocker?: { code: string; label: Text; reason: Text } }) {
  const t = useTranslations("sharing");
  const say = useText();
  if (!blocker) {
    return (
      <Badge tone="success">
        <CircleCheck aria-hidden className="size-3" />
        {t("shareable")}
      </Badge>
    );
  }
  return (
    <Badge tone="danger" title={`${say(blocker.reason)} (${blocker.code})`} className="whitespace-nowrap">
      <Ban aria-hidden className="size-3" />
      {say(blocker.label)}
      <span className="sr-only">: {say(blocker.reason)}</span>
    </Badge>
  );
}
