"use client";

import { UnshareDialog, type UnshareMember } from "@/components/sharing/unshare-dialog";
import { useSelection } from "@/components/use-selection";
import { Button } from "@/components/ui/button";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { Checkbox } from "@/components/ui/checkbox";
import { unsharePhoneImageAction } from "../../actions";
import { DateTime } from "@/components/date-time";

export interface MemberRow {
  memberId: string;
  /** Set when the member is one of the user's own projects. */
  projectName?: string;
  createTime: number;
  updateTime: number;
}

/** The members, with row, selection and remove-all actions for users who may change them. */
export function MembersTable({
  imageId,
  imageName,
  members,
  editable,
}: {
  imageId: string;
  imageName: string;
  members: MemberRow[];
  editable: boolean;
}) {
  const selection = useSelection();
  const picked = selection.selected;
  const selected = members.filter((m) => picked.has(m.memberId));
  const toggle = selection.toggle;
  const image = { id: imageId, name: imageName };
  const unshare = (m: MemberRow): UnshareMember => ({ id: m.memberId, name: m.projectName });

  if (members.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-border p-8 text-center">
        <p className="font-medium">Not shared with any project</p>
        <p className="mt-1 text-sm text-muted-foreground">
          {editable ? "Use Share to add projects of this region." : "Projects it is shared with will be listed here."}
        </p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {editable && (
        <div className="flex flex-wrap items-center gap-2">
          <UnshareDialog
            service="cph"
            image={image}
            members={selected.map(unshare)}
            action={unsharePhoneImageAction}
            onDone={selection.clear}
            trigger={
              <Button variant="secondary" size="sm" disabled={selected.length === 0}>
                Remove selected{selected.length > 0 ? ` (${selected.length})` : ""}
              </Button>
            }
          />
          <UnshareDialog
            service="cph"
            image={image}
            members={members.map(unshare)}
            action={unsharePhoneImageAction}
            onDone={selection.clear}
            all
            trigger={
              <Button variant="secondary" size="sm">
                Remove all
              </Button>
            }
          />
        </div>
      )}
      <Table>
        <caption className="sr-only">Projects this image is shared with</caption>
        <THead>
          <tr>
            {editable && (
              <TH className="w-10">
                <Checkbox
                  aria-label="Select all members"
                  checked={selected.length === members.length}
                  onChange={(e) =>
                    e.target.checked ? selection.setAll(members.map((m) => m.memberId)) : selection.clear()
                  }
                />
              </TH>
            )}
            <TH>Member (project)</TH>
            <TH>Shared</TH>
            <TH>Updated</TH>
            {editable && <TH className="w-24 text-right">Actions</TH>}
          </tr>
        </THead>
        <tbody>
          {members.map((m) => (
            <TR key={m.memberId}>
              {editable && (
                <TD>
                  <Checkbox
                    aria-label={`Select ${m.memberId}`}
                    checked={picked.has(m.memberId)}
                    onChange={(e) => toggle(m.memberId, e.target.checked)}
                  />
                </TD>
              )}
              <TD>
                <div className="font-mono text-xs">{m.memberId}</div>
                <div className="text-xs text-muted-foreground">{m.projectName ?? "another account"}</div>
              </TD>
              <TD>
                <DateTime value={m.createTime} />
              </TD>
              <TD>
                <DateTime value={m.updateTime} />
              </TD>
              {editable && (
                <TD className="text-right">
                  <UnshareDialog
                    service="cph"
                    image={image}
                    members={[unshare(m)]}
                    action={unsharePhoneImageAction}
                    onDone={() => toggle(m.memberId, false)}
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Remove ${m.memberId}`}>
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
    </div>
  );
}
