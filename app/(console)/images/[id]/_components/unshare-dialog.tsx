"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactElement } from "react";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { unshareMembersAction } from "../../actions";
import type { MemberView } from "./types";

/**
 * The one confirmation before members are removed: it says what recipients lose, and for "remove
 * all" asks for the image's name.
 */
export function UnshareDialog({
  image,
  members,
  all = false,
  trigger,
  onDone,
}: {
  image: { id: string; name: string };
  members: MemberView[];
  all?: boolean;
  trigger: ReactElement;
  onDone?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const accepted = members.filter((m) => m.status === "accepted").length;
  const n = members.length;
  const title = all
    ? `Remove all ${n} members of ${image.name}?`
    : n === 1
      ? `Stop sharing ${image.name} with ${members[0]?.id}?`
      : `Remove ${n} members of ${image.name}?`;

  const confirm = () =>
    start(async () => {
      setError(null);
      const res = await unshareMembersAction(null, {
        imageId: image.id,
        memberIds: members.map((m) => m.id),
        all,
        confirmName: all ? typed : undefined,
      });
      if (!res.ok) {
        setError(res.error.message + (res.error.upstreamCode ? ` (${res.error.upstreamCode})` : ""));
        return;
      }
      const ok = res.data.results.filter((r) => r.outcome === "succeeded").length;
      const failed = res.data.results.length - ok;
      toast({
        tone: failed ? "error" : "success",
        title: failed
          ? `Removed ${ok} of ${ok + failed} members of ${image.name}`
          : `Removed ${ok} member${ok === 1 ? "" : "s"} of ${image.name}`,
        body: `IMS job ${res.data.jobId}`,
      });
      setOpen(false);
      onDone?.();
      router.refresh();
    });

  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setTyped(""), setError(null))}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent
        title={title}
        description="Removing a member stops sharing the image with it. It cannot be undone; you can share again later."
      >
        <div className="flex flex-col gap-4 text-sm">
          {accepted > 0 ? (
            <Alert tone="warning">
              {accepted === n ? (n === 1 ? "This member has" : "All of them have") : `${accepted} of them have`}{" "}
              accepted the share and may be using it: they can no longer create servers or disks from this image, nor
              reinstall from it.
            </Alert>
          ) : (
            <p>None of them has accepted the share yet, so no one loses an image in use.</p>
          )}
          {all && (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="confirm-name">
                Type <span className="font-mono">{image.name}</span> to confirm
              </Label>
              <Input
                id="confirm-name"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
          )}
          <div aria-live="polite">{error && <Alert tone="error">{error}</Alert>}</div>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button variant="destructive" onClick={confirm} disabled={pending || (all && typed !== image.name)}>
              {pending ? "Removing…" : all ? "Remove all members" : `Remove ${n === 1 ? "member" : `${n} members`}`}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
