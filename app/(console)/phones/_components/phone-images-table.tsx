import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { QuotaMeter } from "@/components/quota-meter";
import { Button } from "@/components/ui/button";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { withCloud } from "@/lib/auth/session";
import { formatBytes } from "@/lib/format";
import { PHONE_MEMBER_LIMIT } from "@/lib/sharing/rules";
import { countPhoneImageMembers, listPhoneImagesPage } from "@/lib/sharing/phones";
import { PhoneStatus } from "./phone-status";

export interface PhoneListQuery {
  q?: string;
  offset: number;
  limit: number;
}

/** The URL of another page of the same list. */
export function phonesHref({ q, offset, limit }: PhoneListQuery, defaultLimit: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (offset > 0) params.set("offset", String(offset));
  if (limit !== defaultLimit) params.set("limit", String(limit));
  const query = params.toString();
  return query ? `/phones?${query}` : "/phones";
}

/** One page of the project's phone images, with every image's member count read at the same time. */
export async function PhoneImagesTable({ query, defaultLimit }: { query: PhoneListQuery; defaultLimit: number }) {
  const { images, total, counts } = await withCloud(async (scope) => {
    const page = await listPhoneImagesPage(scope, query);
    return { ...page, counts: await countPhoneImageMembers(scope, page.images) };
  });
  const { q, offset, limit } = query;

  if (images.length === 0) {
    const title = q
      ? `No phone image matches “${q}”`
      : offset > 0
        ? "No more phone images"
        : "This project owns no phone images yet";
    const hint = q
      ? "Search matches part of the name. Try a shorter term."
      : offset > 0
        ? "You reached the end of the list."
        : "Create a custom image from a cloud phone in CPH, or switch to another project.";
    return (
      <EmptyState className="p-10" title={title} hint={hint}>
        {(q || offset > 0) && (
          <Button asChild variant="secondary" className="mt-4">
            <Link href="/phones">All phone images</Link>
          </Button>
        )}
      </EmptyState>
    );
  }

  const prev = offset > 0 ? phonesHref({ q, offset: Math.max(0, offset - limit), limit }, defaultLimit) : undefined;
  const next = offset + limit < total ? phonesHref({ q, offset: offset + limit, limit }, defaultLimit) : undefined;
  return (
    <div className="flex flex-col gap-3">
      <Table>
        <caption className="sr-only">Phone images owned by this project</caption>
        <THead>
          <tr>
            <TH>Name</TH>
            <TH>Android</TH>
            <TH className="text-right">Size</TH>
            <TH>Status</TH>
            <TH>Created</TH>
            <TH>Members</TH>
          </tr>
        </THead>
        <tbody>
          {images.map((image, i) => (
            <TR key={image.image_id}>
              <TD label="Name">
                <Link href={`/phones/${image.image_id}`} className="font-medium text-primary hover:underline">
                  {image.image_name}
                </Link>
                <div className="font-mono text-[11px] text-muted-foreground">{image.image_id}</div>
              </TD>
              <TD label="Android" className="whitespace-nowrap">
                {image.image_version || "—"}
              </TD>
              <TD label="Size" className="text-right whitespace-nowrap tabular-nums">
                {formatBytes(image.image_size)}
              </TD>
              <TD label="Status" className="whitespace-nowrap">
                <PhoneStatus status={image.status} />
              </TD>
              <TD label="Created">
                <DateTime value={image.create_time} />
              </TD>
              <TD label="Members">
                {counts[i] === undefined ? (
                  <span
                    className="text-xs text-muted-foreground"
                    title="The member list could not be read. Open the image to retry."
                  >
                    unknown
                  </span>
                ) : (
                  <QuotaMeter used={counts[i]} limit={PHONE_MEMBER_LIMIT} />
                )}
              </TD>
            </TR>
          ))}
        </tbody>
      </Table>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm text-muted-foreground">
        <span className="tabular-nums">
          {offset + 1}–{offset + images.length} of {total}
        </span>
        <div className="flex gap-2">
          {prev && (
            <Button asChild variant="secondary" size="sm">
              <Link href={prev}>Previous page</Link>
            </Button>
          )}
          {next && (
            <Button asChild variant="secondary" size="sm">
              <Link href={next}>Next page</Link>
            </Button>
          )}
        </div>
      </nav>
    </div>
  );
}
