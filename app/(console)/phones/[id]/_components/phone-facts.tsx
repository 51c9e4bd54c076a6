import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { PhoneImage } from "@/lib/cloud/schemas/cph";
import { When } from "@/components/date-time";
import { formatBytes } from "@/lib/format";
import { PhoneStatus } from "../../_components/phone-status";

export function PhoneFacts({ image, projectName }: { image: PhoneImage; projectName: string }) {
  const t = useTranslations("phones.facts");
  const facts: [string, ReactNode][] = [
    [
      t("imageId"),
      <span key="id" translate="no" className="font-mono text-xs break-all">
        {image.image_id}
      </span>,
    ],
    [t("status"), <PhoneStatus key="status" status={image.status} />],
    [
      t("android"),
      <span key="android" translate="no">
        {image.image_version || "—"}
      </span>,
    ],
    [t("size"), formatBytes(image.image_size)],
    [t("created"), <When key="created" value={image.create_time} />],
    [t("updated"), <When key="updated" value={image.update_time} />],
    [
      t("owner"),
      <span key="owner" translate="no">
        {projectName}
      </span>,
    ],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2 xl:grid-cols-4">
          {facts.map(([term, value]) => (
            <div key={term} className="flex flex-col gap-0.5">
              <dt className="text-xs text-muted-foreground">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
