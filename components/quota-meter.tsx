import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

/** "37 / 256" with a bar that turns amber past 80 % and red when full; members of an image unless told otherwise. */
export function QuotaMeter({
  used,
  limit,
  className,
  label,
  unit = "members",
}: {
  used: number;
  limit: number;
  className?: string;
  label?: string;
  unit?: "members" | "images";
}) {
  const t = useTranslations("sharing.quota");
  const ratio = limit > 0 ? Math.min(1, used / limit) : 1;
  const tone = ratio >= 1 ? "bg-destructive" : ratio >= 0.8 ? "bg-warning" : "bg-primary";
  return (
    <div className={cn("flex min-w-24 flex-col gap-1", className)}>
      <span className="text-xs tabular-nums">
        <span className="font-medium">{used}</span>
        <span className="text-muted-foreground"> / {limit}</span>
        {ratio >= 1 && <span className="ml-1 text-destructive">{t("full")}</span>}
      </span>
      <div
        role="meter"
        aria-label={label ?? t("membersLabel")}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={used}
        aria-valuetext={t("valueText", { used, limit, unit })}
        className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
      >
        <div
          className={cn("h-full rounded-full", tone)}
          style={{ width: `${Math.max(ratio * 100, used > 0 ? 3 : 0)}%` }}
        />
      </div>
    </div>
  );
}
