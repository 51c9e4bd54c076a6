import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { PhoneImage } from "@/lib/cloud/schemas/cph";
import { formatBytes, formatDate } from "@/lib/format";
import { PhoneStatus } from "../../_components/phone-status";

export function PhoneFacts({ image, projectName }: { image: PhoneImage; projectName: string }) {
  const facts: [string, ReactNode][] = [
    [
      "Image id",
      <span key="id" className="font-mono text-xs break-all">
        {image.image_id}
      </span>,
    ],
    ["Status", <PhoneStatus key="status" status={image.status} />],
    ["Android version", image.image_version || "—"],
    ["Size", formatBytes(image.image_size)],
    ["Created", formatDate(image.create_time)],
    ["Updated", formatDate(image.update_time)],
    ["Owner project", projectName],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Details</CardTitle>
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
