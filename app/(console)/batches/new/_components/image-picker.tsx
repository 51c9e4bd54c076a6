"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input, Label, Textarea } from "@/components/ui/input";
import { useText } from "@/components/use-text";
import type { PickableImage } from "@/lib/batches/picker";
import type { BatchOperation, ImageService } from "@/lib/batches/types";
import { cn } from "@/lib/utils";

const TABS = [
  { service: "ims", label: "imsImages" },
  { service: "cph", label: "phoneImages" },
] as const satisfies { service: ImageService; label: string }[];

/** The project's images as a searchable checklist (IMS and CPH tabs), plus ids pasted by hand. */
export function ImagePicker({
  images,
  operation,
  selected,
  onSelected,
  pasted,
  onPasted,
  total,
  errors,
}: {
  images: { ims: PickableImage[]; cph: PickableImage[]; more: boolean };
  operation: BatchOperation;
  selected: Set<string>;
  onSelected: (s: Set<string>) => void;
  pasted: string;
  onPasted: (s: string) => void;
  total: number;
  errors?: string[];
}) {
  const id = useId();
  const t = useTranslations("batches.planner");
  const kinds = useTranslations("sharing.kind");
  const say = useText();
  const [tab, setTab] = useState<ImageService>("ims");
  const [q, setQ] = useState("");
  const [shareableOnly, setShareableOnly] = useState(false);
  const needle = q.trim().toLowerCase();
  const shown = images[tab].filter(
    (i) =>
      (!needle || i.name.toLowerCase().includes(needle) || i.id === needle) &&
      !(shareableOnly && operation === "share" && i.blocker),
  );
  const set = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const i of ids) {
      if (on) next.add(i);
      else next.delete(i);
    }
    onSelected(next);
  };
  const allShown = shown.length > 0 && shown.every((i) => selected.has(i.id));

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("images")}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("chosen", { count: total })}</p>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div role="tablist" aria-label={t("service")} className="flex gap-1 rounded-md bg-muted p-1 text-sm">
          {TABS.map((tb) => {
            const count = images[tb.service].filter((i) => selected.has(i.id)).length;
            return (
              <button
                key={tb.service}
                type="button"
                role="tab"
                id={`${id}-${tb.service}`}
                aria-selected={tab === tb.service}
                aria-controls={`${id}-list`}
                onClick={() => setTab(tb.service)}
                className={cn(
                  "flex-1 rounded px-3 py-1.5 font-medium",
                  tab === tb.service ? "bg-card shadow-sm" : "text-muted-foreground hover:text-foreground",
                )}
              >
                {t(tb.label)}{" "}
                <span className="text-muted-foreground tabular-nums">
                  {t("tabCount", { selected: count, total: images[tb.service].length })}
                </span>
              </button>
            );
          })}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Input
            type="search"
            aria-label={t("search")}
            placeholder={t("searchPlaceholder")}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="min-w-40 flex-1"
          />
          {tab === "ims" && operation === "share" && (
            <label className="flex items-center gap-2 text-sm">
              <Checkbox checked={shareableOnly} onChange={(e) => setShareableOnly(e.target.checked)} />
              {t("shareableOnly")}
            </label>
          )}
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={shown.length === 0}
            onClick={() =>
              set(
                shown.map((i) => i.id),
                !allShown,
              )
            }
          >
            {allShown ? t("clearShown") : t("selectShown", { count: shown.length })}
          </Button>
        </div>
        <div
          id={`${id}-list`}
          role="tabpanel"
          aria-labelledby={`${id}-${tab}`}
          className="h-56 overflow-y-auto rounded-md border border-border"
        >
          <ul>
            {shown.length === 0 && (
              <li className="p-4 text-center text-sm text-muted-foreground">
                {images[tab].length ? t("noMatch") : t("none")}
              </li>
            )}
            {shown.map((image) => (
              <li key={image.id} className="border-t border-border first:border-0">
                <label className="flex cursor-pointer items-center gap-3 px-3 py-1.5 text-sm hover:bg-muted">
                  <Checkbox
                    checked={selected.has(image.id)}
                    onChange={(e) => set([image.id], e.target.checked)}
                    aria-label={t("selectOne", { name: image.name })}
                  />
                  <span className="min-w-0 flex-1">
                    <span translate="no" className="block truncate font-medium">
                      {image.name}
                    </span>
                    <span translate="no" className="block truncate font-mono text-[11px] text-muted-foreground">
                      {image.id}
                    </span>
                  </span>
                  {image.kind && (
                    <span className="text-xs whitespace-nowrap text-muted-foreground">{kinds(image.kind)}</span>
                  )}
                  {image.blocker && (
                    <Badge tone="warning" title={say(image.blocker.reason)}>
                      {say(image.blocker.label)}
                    </Badge>
                  )}
                </label>
              </li>
            ))}
          </ul>
        </div>
        {images.more && tab === "ims" && <p className="text-xs text-muted-foreground">{t("first500")}</p>}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-paste`}>{t("paste")}</Label>
          <Textarea
            id={`${id}-paste`}
            rows={3}
            value={pasted}
            onChange={(e) => onPasted(e.target.value)}
            placeholder={t("pastePlaceholder")}
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? `${id}-errors` : undefined}
          />
          {errors && (
            <p id={`${id}-errors`} className="text-xs text-destructive">
              {errors.join(" ")}
            </p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
