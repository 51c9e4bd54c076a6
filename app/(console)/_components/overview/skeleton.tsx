import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";
import type { TileName } from "@/lib/overview/types";
import { cn } from "@/lib/utils";

/** A tile while its read is on its way: its name, and grey lines where its items will be. */
export async function TileSkeleton({ name, className }: { name: TileName; className?: string }) {
  const t = await getTranslations("overview");
  return (
    <section
      aria-busy
      aria-label={t("loading", { tile: t(`tiles.${name}.title`) })}
      data-testid={`tile-${name}`}
      data-state="loading"
      className={cn("flex flex-col gap-3 rounded-lg border border-border bg-card p-4 shadow-sm", className)}
    >
      <div className="flex items-start justify-between">
        <p className="text-sm font-semibold">{t(`tiles.${name}.title`)}</p>
        <Skeleton className="h-6 w-8" />
      </div>
      <Skeleton className="h-4 w-3/4" />
      <Skeleton className="h-4 w-2/3" />
      <Skeleton className="h-4 w-1/2" />
    </section>
  );
}
