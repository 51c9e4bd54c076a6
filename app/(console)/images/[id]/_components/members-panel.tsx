"use client";

import { Share2, Trash2 } from "lucide-react";
import { useSelection } from "@/components/use-selection";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { Checkbox } from "@/components/ui/checkbox";
import { formatAge, formatDate } from "@/lib/format";
import { ShareDialog } from "../../_components/share-dialog";
import type { MemberView } from "./types";
import { UnshareDialog } from "./unshare-dialog";

const TYPE_LABEL = { project: "Project", domain: "Account", organization: "Organization" } as const;
const STATUS_TONE = { pending: "warning", accepted: "success", rejected: "neutral" } as const;

/** The members of an image, with share, remove-selected and remove-all for users who may change them. */
export function MembersPanel({
  image,
  members,
  limit,
  shareable,
  canChange,
}: {
  image: { id: string; name: string };
  members: MemberView[];
  limit: number;
  shareable: boolean;
  canChange: boolean;
}) {
  const selection = useSelection();
  const chosen = members.filter((m) => selection.has(m.id));
  const full = members.length >= limit;

  return (
    <section aria-labelledby="members-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="members-heading" className="text-base font-semibold">
          Members <span className="font-normal text-muted-foreground">({members.length})</span>
        </h2>
        {canChange && (
          <div className="flex flex-wrap gap-2">
            {shareable && (
              <ShareDialog
                images={[image]}
                trigger={
                  <Button
                    disabled={full}
                    title={full ? "The member quota is used up: remove a member first." : undefined}
                  >
                    <Share2 aria-hidden />
                    Share
                  </Button>
                }
              />
            )}
            <UnshareDialog
              image={image}
              members={chosen}
              onDone={selection.clear}
              trigger={
                <Button variant="secondary" disabled={chosen.length === 0}>
                  <Trash2 aria-hidden />
                  Remove {chosen.length || ""} selected
                </Button>
              }
            />
            <UnshareDialog
              image={image}
              members={members}
              all
              trigger={
                <Button variant="destructive" disabled={members.length === 0}>
                  Remove all members
                </Button>
              }
            />
          </div>
        )}
      </div>
      <p className="text-xs text-muted-foreground">
        Pending shares are not listed for the recipient until they accept. A rejected share can be accepted again later,
        and can still be used by id.
      </p>
      {members.length === 0 ? (
        <div className="rounded-lg border border-dashed border-border bg-card p-8 text-center text-sm text-muted-foreground">
          Not shared with anyone yet.
          {canChange && shareable ? " Use Share to add projects, accounts or organizations." : ""}
        </div>
      ) : (
        <Table>
          <caption className="sr-only">Members of {image.name}</caption>
          <THead>
            <tr>
              {canChange && (
                <TH className="w-10">
                  <span className="sr-only">Select</span>
                </TH>
              )}
              <TH>Member</TH>
              <TH>Type</TH>
              <TH>Status</TH>
              <TH>Shared</TH>
              <TH>Updated</TH>
              {canChange && (
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              )}
            </tr>
          </THead>
          <tbody>
            {members.map((m) => (
              <TR key={m.id}>
                {canChange && (
                  <TD>
                    <Checkbox
                      aria-label={`Select ${m.id}`}
                      checked={selection.has(m.id)}
                      onChange={() => selection.toggle(m.id)}
                    />
                  </TD>
                )}
                <TD>
                  <div className="font-mono text-xs">{m.id}</div>
                  <div className="text-xs text-muted-foreground">
                    {m.name ?? (m.type === "organization" ? m.urn : "another account")}
                  </div>
                </TD>
                <TD>{TYPE_LABEL[m.type]}</TD>
                <TD className="whitespace-nowrap">
                  <Badge tone={STATUS_TONE[m.status]}>{m.status}</Badge>
                  {m.status === "pending" && (
                    <div className="mt-0.5 text-xs text-muted-foreground">for {formatAge(m.createdAt)}</div>
                  )}
                </TD>
                <TD className="whitespace-nowrap text-muted-foreground">{formatDate(m.createdAt)}</TD>
                <TD className="whitespace-nowrap text-muted-foreground">{formatDate(m.updatedAt)}</TD>
                {canChange && (
                  <TD className="text-right">
                    <UnshareDialog
                      image={image}
                      members={[m]}
                      trigger={
                        <Button variant="ghost" size="sm" aria-label={`Remove ${m.id}`}>
                          Remove
                        </Button>
                      }
                    />
                  </TD>
                )}
              </TR>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
