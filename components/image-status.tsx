import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const tone = (status: string) =>
  status === "active" ? "success" : status === "killed" || status === "deleted" ? "danger" : "warning";

/** An IMS image's status (active, queued, saving, killed, deleted…) in the console's words, as IMS's own console names them. */
export function ImageStatus({ status }: { status: string }) {
  const t = useTranslations("images");
  return (
    <Badge tone={tone(status)} title={status}>
      {t("status", { status })}
    </Badge>
  );
}
