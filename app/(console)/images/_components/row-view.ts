import type { LoadedImage } from "@/lib/sharing/load";
import { kindOf, type Blocker, type ImageKind } from "@/lib/sharing/shareability";

/** What the browser gets for an image row: plain data, no token, no more than the table shows. */
export interface ImageRowView {
  id: string;
  name: string;
  /** Short platform ("Ubuntu"); `osVersion` is the full name. */
  os: string;
  osVersion: string;
  kind: ImageKind;
  sizeBytes?: number;
  status: string;
  createdAt: string;
  members: number;
  pending: number;
  accepted: number;
  limit: number;
  blocker?: Blocker;
  /** Members whose end date comes within seven days. */
  ending?: number;
}

export function rowView(row: LoadedImage, ending?: number): ImageRowView {
  const { image, members } = row;
  return {
    id: row.id,
    name: row.name,
    os: image.__platform || image.__os_type || "—",
    osVersion: image.__os_version || image.__platform || "",
    kind: kindOf(image),
    sizeBytes: image.__image_size ? Number(image.__image_size) : undefined,
    status: image.status,
    createdAt: image.created_at,
    members: members.length,
    pending: members.filter((m) => m.status === "pending").length,
    accepted: members.filter((m) => m.status === "accepted").length,
    limit: row.limit,
    ...(row.blocker ? { blocker: row.blocker } : {}),
    ...(ending ? { ending } : {}),
  };
}
