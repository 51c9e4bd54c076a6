import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { withCloud } from "@/lib/auth/session";
import { listImages } from "@/lib/cloud/ims";
import type { Image } from "@/lib/cloud/schemas/ims";
import { formatBytes, formatDate } from "@/lib/format";

function kindOf(image: Image): string {
  if (image.__whole_image === "true") return "Full-ECS";
  return image.virtual_env_type === "DataImage" ? "Data disk" : "System disk";
}

function statusTone(status: string) {
  return status === "active" ? "success" : status === "killed" || status === "deleted" ? "danger" : "warning";
}

/** One page of the project's images, read from IMS with a marker; never loads everything. */
export async function ImagesTable({ marker, limit }: { marker?: string; limit: number }) {
  const page = await withCloud((scope) => listImages(scope, { owner: scope.projectId, limit: limit + 1, marker }));
  const images = page.slice(0, limit);
  const next = page.length > limit ? images[images.length - 1]?.id : undefined;

  if (images.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-border bg-card p-10 text-center">
        <p className="font-medium">{marker ? "No more images" : "This project owns no private images yet"}</p>
        <p className="mt-1 text-sm text-muted-foreground">
          {marker ? "You reached the end of the list." : "Create an image in IMS, or switch to another project with the selector above."}
        </p>
        {marker && (
          <Button asChild variant="secondary" className="mt-4">
            <Link href="/images">Back to the first page</Link>
          </Button>
        )}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <Table>
        <caption className="sr-only">Images owned by this project</caption>
        <THead>
          <tr>
            <TH>Name</TH>
            <TH>OS</TH>
            <TH>Type</TH>
            <TH className="text-right">Size</TH>
            <TH>Status</TH>
            <TH>Created</TH>
          </tr>
        </THead>
        <tbody>
          {images.map((image) => (
            <TR key={image.id}>
              <TD>
                <div className="font-medium">{image.name}</div>
                <div className="font-mono text-[11px] text-muted-foreground">{image.id}</div>
              </TD>
              <TD>{image.__os_version || image.__platform || "—"}</TD>
              <TD className="whitespace-nowrap">{kindOf(image)}</TD>
              <TD className="whitespace-nowrap text-right tabular-nums">{formatBytes(image.__image_size ? Number(image.__image_size) : undefined)}</TD>
              <TD className="whitespace-nowrap">
                <Badge tone={statusTone(image.status)}>{image.status}</Badge>
              </TD>
              <TD className="whitespace-nowrap text-muted-foreground">{formatDate(image.created_at)}</TD>
            </TR>
          ))}
        </tbody>
      </Table>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm text-muted-foreground">
        <span>
          {images.length} image{images.length === 1 ? "" : "s"} on this page
        </span>
        <div className="flex gap-2">
          {marker && (
            <Button asChild variant="secondary" size="sm">
              <Link href={`/images?limit=${limit}`}>First page</Link>
            </Button>
          )}
          {next && (
            <Button asChild variant="secondary" size="sm">
              <Link href={`/images?marker=${next}&limit=${limit}`}>Next page</Link>
            </Button>
          )}
        </div>
      </nav>
    </div>
  );
}
