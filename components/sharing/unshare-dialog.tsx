"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef, useState, type ReactElement, type ReactNode } from "react";
import { dataTag } from "@/components/data-text";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import type { ActionState } from "@/lib/actions/action";
import type { UnshareResultView } from "@/lib/sharing/forms";
import type { ImageService } from "@/lib/sharing/pairs";
import { OutcomeTable } from "./outcome-table";
import { tally, unshareResultRows } from "./rows";
import type { UnshareAction } from "./types";
import { toastKey, unshareToast, useSay } from "./wording";

export interface UnshareMember {
  id: string;
  /** A project's name, or an organization's URN. */
  name?: string;
  /** IMS only: CPH does not report whether a member accepted. */
  status?: "pending" | "accepted" | "rejected";
}

export interface UnshareDialogProps {
  service: ImageService;
  image: { id: string; name: string };
  /** The members to remove; with `all`, every member of the image. */
  members: UnshareMember[];
  all?: boolean;
  action: UnshareAction;
  trigger: ReactElement;
  /** Called when the dialog closes after members were removed (to clear a selection). */
  onDone?: () => void;
}

const label = (m: UnshareMember) => (m.name ? `${m.name} (${m.id})` : m.id);

type T = ReturnType<typeof useTranslations<"sharing.unshare">>;

/** The dialog's question, the image's and member's names marked as data. */
function titleOf(t: T, image: string, members: UnshareMember[], all: boolean): ReactNode {
  const n = members.length;
  const name = dataTag;
  if (all) return n === 1 ? t.rich("titleOnly", { image, name }) : t.rich("titleAll", { image, n, name });
  return n === 1
    ? t.rich("titleOne", { image, member: label(members[0]), name })
    : t.rich("titleSome", { image, n, name });
}

/**
 * The one confirmation before members are removed: it lists them, says what they lose, and for "remove
 * all" asks for the image's name. Failures stay in the dialog, one row per member.
 */
export function UnshareDialog({ service, image, members, all = false, action, trigger, onDone }: UnshareDialogProps) {
  const t = useTranslations("sharing.unshare");
  const [open, setOpen] = useState(false);
  // The members as they were when the dialog opened: the page refreshes under it after a removal.
  const [shown, setShown] = useState(members);
  const removed = useRef(false);
  const close = () => {
    setOpen(false);
    if (removed.current) onDone?.();
    removed.current = false;
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) return close();
        setShown(members);
        setOpen(true);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={titleOf(t, image.name, shown, all)} description={t("description")}>
        <UnshareForm
          service={service}
          image={image}
          members={shown}
          all={all}
          action={action}
          onRemoved={() => (removed.current = true)}
          onClose={close}
        />
      </DialogContent>
    </Dialog>
  );
}

interface FormProps extends Pick<UnshareDialogProps, "service" | "image" | "members" | "action"> {
  all: boolean;
  onRemoved: () => void;
  onClose: () => void;
}

function UnshareForm({ service, image, members, all, action, onRemoved, onClose }: FormProps) {
  const toast = useToast();
  const t = useTranslations("sharing.unshare");
  const common = useTranslations("common");
  const say = useSay();
  // Kept so that React's reset of the form after each action puts it back.
  const [typed, setTyped] = useState("");
  const [state, submit, pending] = useActionState(async (prev: ActionState<UnshareResultView>, form: FormData) => {
    const next = await action(prev, form);
    // A refused field is said beside it, not in a toast.
    if (!next.ok && next.error.fieldErrors) return next;
    toast({ ...unshareToast(say, service, image.name, next), key: toastKey([image]) });
    if (next.ok) {
      onRemoved();
      if (!next.data.results.some((r) => r.outcome === "failed")) onClose();
    }
    return next;
  }, null);
  const n = members.length;

  if (state?.ok) {
    const rows = unshareResultRows(state.data, new Map(members.flatMap((m) => (m.name ? [[m.id, m.name]] : []))));
    const count = tally(rows);
    const parts = [t("removed", { service, count: count.succeeded }), t("failed", { count: count.failed })];
    if (count.skipped) parts.push(t("noLonger", { count: count.skipped }));
    return (
      <div className="flex flex-col gap-4">
        <div className="text-sm" aria-live="polite">
          <p>{parts.join(" · ")}.</p>
          {state.data.jobIds.length > 0 && (
            <p className="text-muted-foreground">
              {t("job")} <code className="font-mono text-xs">{state.data.jobIds.join(", ")}</code>.
            </p>
          )}
        </div>
        <OutcomeTable caption={t("resultCaption")} rows={rows} />
        <div className="flex justify-end">
          <Button onClick={onClose}>{common("done")}</Button>
        </div>
      </div>
    );
  }

  const error = state && !state.ok ? state.error : undefined;
  const confirmError = error?.fieldErrors?.confirmName?.[0];
  const otherErrors = Object.entries(error?.fieldErrors ?? {}).flatMap(([k, v]) => (k === "confirmName" ? [] : v));
  const known = members.some((m) => m.status);
  const accepted = members.filter((m) => m.status === "accepted").length;

  return (
    <form action={submit} className="flex flex-col gap-4 text-sm">
      <input type="hidden" name="imageId" value={image.id} />
      {all ? (
        <input type="hidden" name="all" value="1" />
      ) : (
        members.map((m) => <input key={m.id} type="hidden" name="memberIds" value={m.id} />)
      )}
      <div>
        <p>{all ? t("everyLoses") : t("willLose", { service, count: n })}</p>
        <ul className="mt-2 max-h-40 overflow-y-auto rounded-md border border-border bg-muted/40 px-3 py-2 font-mono text-xs break-all">
          {members.map((m) => (
            <li key={m.id} className="py-0.5">
              {label(m)}
            </li>
          ))}
        </ul>
      </div>
      {!known ? (
        <Alert tone="warning">{t("lose", { service, count: n, image: image.name })}</Alert>
      ) : accepted > 0 ? (
        <Alert tone="warning">
          {t("acceptedLose", { service, n, accepted, image: image.name, all: accepted === n ? "yes" : "no" })}
        </Alert>
      ) : (
        <p>{t("noneAccepted")}</p>
      )}
      {all && (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="confirm-name">
            {t.rich("confirm", { image: image.name, name: (chunks) => <span className="font-mono">{chunks}</span> })}
          </Label>
          <Input
            id="confirm-name"
            name="confirmName"
            autoComplete="off"
            spellCheck={false}
            defaultValue={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={Boolean(confirmError)}
            aria-describedby={confirmError ? "confirm-name-error" : undefined}
          />
          <div aria-live="polite">
            {confirmError && (
              <p id="confirm-name-error" className="text-xs text-destructive">
                {confirmError}
              </p>
            )}
          </div>
        </div>
      )}
      <div aria-live="polite">
        {error && !(confirmError && otherErrors.length === 0) && (
          <Alert tone="error">
            {otherErrors.length ? otherErrors.join(" ") : error.message}
            {error.upstreamCode && <span className="ml-1 font-mono text-xs">({error.upstreamCode})</span>}
          </Alert>
        )}
      </div>
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {common("cancel")}
          </Button>
        </DialogClose>
        <Button type="submit" variant="destructive" disabled={pending || (all && typed !== image.name)}>
          {pending
            ? t("removing")
            : all
              ? n === 1
                ? t("removeOnly")
                : t("removeAll", { n })
              : t("remove", { count: n })}
        </Button>
      </div>
    </form>
  );
}
