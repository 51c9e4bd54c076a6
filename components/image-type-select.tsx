import { useTranslations } from "next-intl";
import { Label } from "@/components/ui/input";

/** The image-type filter shared by the lists: system disk, data disk, full-ECS. */
export function ImageTypeSelect({ value }: { value?: string }) {
  const t = useTranslations("sharing.typeSelect");
  const kinds = useTranslations("sharing.kind");
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor="type">{t("label")}</Label>
      <select
        id="type"
        name="type"
        defaultValue={value ?? ""}
        className="h-9 rounded-md border border-input bg-background px-2 text-sm"
      >
        <option value="">{t("all")}</option>
        <option value="system">{kinds("system")}</option>
        <option value="data">{kinds("data")}</option>
        <option value="whole">{kinds("whole")}</option>
      </select>
    </div>
  );
}
