import type { ImageListQuery } from "@/lib/sharing/image-page";

/** The list URL for a query, dropping defaults so links stay short. */
export function listHref(q: Partial<ImageListQuery>): string {
  const params = new URLSearchParams();
  const defaults: Partial<Record<keyof ImageListQuery, unknown>> = { sort: "created_at", dir: "desc", limit: 25 };
  for (const [k, v] of Object.entries(q)) {
    if (v !== undefined && v !== "" && defaults[k as keyof ImageListQuery] !== v) params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/images?${s}` : "/images";
}
