"use client";

import { useTranslations } from "next-intl";
import { AskedForApproval } from "./policy-verdict";
import { useActionState, useEffect, useRef, useState, type ReactElement } from "react";
import { dataTag } from "@/components/data-text";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";
import type { ActionState } from "@/lib/actions/action";
import type { ShareResultView, SharePlanView } from "@/lib/sharing/forms";
import type { ImageService } from "@/lib/sharing/pairs";
import { OutcomeTable } from "./outcome-table";
import { planRows, sameText, shareResultRows, tally } from "./rows";
import type { ShareActions } from "./types";
import { shareToast, shareWords, toastKey, useSay, type ShareWords } from "./wording";
import { IdKindField } from "./id-kind-field";
import { EndsAtField, NEVER, endsAtOf, type EndsAtChoice } from "./ends-at-field";
import { When } from "@/components/date-time";

type Kind = "project" | "account";

export interface ShareDialogProps {
  service: ImageService;
  images: { id: string; name: string }[];
  actions: ShareActions;
  trigger: ReactElement;
  /** CPH: the region the image and its members are in. */
  region?: string;
  /** One image's members and its member limit, for the plan's summary. */
  quota?: { used: number; limit: number };
}

/**
 * Share images: type targets, check what will happen to each pair on the server, then send and see
 * what happened. Every opening, and "share with more", starts a fresh form.
 */
export function ShareDialog({ service, images, actions, trigger, region, quota }: ShareDialogProps) {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  const t = useTranslations("sharing.share");
  const say = useSay();
  const what = images.length === 1 ? images[0].name : t("nImages", { count: images.length });
  const words = shareWords(say, service, images.length, region, quota?.limit);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent
        title={images.length === 1 ? t.rich("titleOne", { image: what, name: dataTag }) : t("title", { what })}
        description={words.description}
      >
        <ShareForm
          key={round}
          service={service}
          images={images}
          actions={actions}
          what={what}
          words={words}
          quota={images.length === 1 ? quota : undefined}
          again={round > 0}
          onAgain={() => setRound((r) => r + 1)}
          onDone={() => setOpen(false)}
        />
      </DialogContent>
    </Dialog>
  );
}

interface FormProps extends Pick<ShareDialogProps, "service" | "images" | "actions" | "quota"> {
  what: string;
  words: ShareWords;
  /** A second round: the targets field takes the focus the result's buttons had. */
  again: boolean;
  onAgain: () => void;
  onDone: () => void;
}

const kindOf = (form: FormData): Kind => (form.get("kind") === "account" ? "account" : "project");

function ShareForm({ service, images, actions, what, words, quota, again, onAgain, onDone }: FormProps) {
  const toast = useToast();
  const t = useTranslations("sharing.share");
  const common = useTranslations("common");
  const say = useSay();
  // Kept so that React's reset of the form after each action puts the typed values back.
  const [text, setText] = useState("");
  const [kind, setKind] = useState<Kind>("project");
  const [ends, setEnds] = useState<EndsAtChoice>(NEVER);
  const [checkedKind, setCheckedKind] = useState<Kind>();
  const [last, setLast] = useState<"plan" | "share">();
  // React resets the form after each action, and a reset puts a radio back to how it was first drawn,
  // without telling React: the "Ids are" choice is drawn again with every answer, so that a reset keeps
  // what it shows, and what it shows is what the next post sends.
  const [drawn, setDrawn] = useState(0);
  const [plan, check, checking] = useActionState(async (prev: ActionState<SharePlanView>, form: FormData) => {
    setLast("plan");
    setCheckedKind(kindOf(form));
    setDrawn((n) => n + 1);
    return actions.plan(prev, form);
  }, null);
  const [result, share, sharing] = useActionState(async (prev: ActionState<ShareResultView>, form: FormData) => {
    setLast("share");
    setDrawn((n) => n + 1);
    const next = await actions.share(prev, form);
    toast({ ...shareToast(say, service, what, next), key: toastKey(images) });
    return next;
  }, null);
  const [asked, ask, asking] = useActionState(
    async (prev: ActionState<{ id: string; pairs: number }>, form: FormData) => {
      setDrawn((n) => n + 1);
      return actions.requestApproval(prev, form);
    },
    null,
  );
  const planned = plan?.ok && sameText(plan.data.targets, text) && checkedKind === kind ? plan.data : undefined;
  const counts = planned?.counts;
  // What the enforced policy needs before the plan can be sent (nothing in audit mode).
  const enforced = planned?.policy?.mode === "enforce" ? planned.policy.needs : undefined;
  const [reason, setReason] = useState("");
  const latest = asked && !asked.ok ? asked : last === "share" ? result : plan;
  const error = latest && !latest.ok ? latest.error : undefined;
  const fieldMessages = Object.values(error?.fieldErrors ?? {}).flat();
  const multi = images.length > 1;
  // "Check" disables itself while it runs, which drops the focus to the page's body: bring it back
  // to the plan's summary, or to the targets field when they were refused.
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const targetsRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (plan) ((plan.ok && summaryRef.current) || targetsRef.current)?.focus();
  }, [plan]);

  if (result?.ok) {
    const rows = shareResultRows(result.data);
    const n = tally(rows);
    const parts = [words.shared(n.succeeded)];
    if (n.failed) parts.push(t("failed", { count: n.failed }));
    if (n.skipped) parts.push(t("skipped", { count: n.skipped }));
    if (n.blocked) parts.push(t("blocked", { count: n.blocked }));
    if (n.unknown) parts.push(t("unknown", { count: n.unknown }));
    const jobs = result.data.jobIds;
    return (
      <div className="flex flex-col gap-4">
        <div className="text-sm" aria-live="polite">
          <p>{parts.join(" · ")}.</p>
          {endsAtOf(ends) !== undefined && n.succeeded > 0 && (
            <p className="text-muted-foreground">
              {t.rich("endsAt", { when: () => <When value={endsAtOf(ends)!} /> })}
            </p>
          )}
          {jobs.length > 0 && (
            <p className="text-muted-foreground">
              {t("jobs", { count: jobs.length })} <code className="font-mono text-xs">{jobs.join(", ")}</code>.
            </p>
          )}
        </div>
        <OutcomeTable caption={t("resultCaption")} rows={rows} images={multi} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onAgain}>
            {words.again}
          </Button>
          <Button onClick={onDone}>{common("done")}</Button>
        </div>
      </div>
    );
  }

  return (
    <form action={share} className="flex flex-col gap-4">
      {images.map((i) => (
        <input key={i.id} type="hidden" name="imageIds" value={i.id} />
      ))}
      {service === "ims" && <IdKindField key={drawn} value={kind} onChange={setKind} disabled={sharing} />}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="share-targets">{words.label}</Label>
        <Textarea
          id="share-targets"
          ref={targetsRef}
          name="targets"
          rows={4}
          spellCheck={false}
          autoFocus={again}
          placeholder={words.placeholder}
          defaultValue={text}
          readOnly={sharing}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={Boolean(error?.fieldErrors?.targets)}
          aria-describedby="share-targets-hint"
        />
        <p id="share-targets-hint" className="text-xs text-muted-foreground">
          {words.hint}
        </p>
      </div>
      <EndsAtField id="share-ends" value={ends} onChange={setEnds} disabled={sharing} />
      <div aria-live="polite" className="flex flex-col gap-3">
        {error && (
          <Alert tone="error">
            {fieldMessages.length ? fieldMessages.join(" ") : error.message}
            {error.upstreamCode && <span className="ml-1 font-mono text-xs">({error.upstreamCode})</span>}
          </Alert>
        )}
        {plan?.ok && !planned && <p className="text-sm text-muted-foreground">{t("changed")}</p>}
        {planned && counts && (
          <>
            <p ref={summaryRef} tabIndex={-1} className="rounded-sm text-sm outline-none focus-visible:ring-2">
              <span className="font-medium">{t("toAdd", { count: counts.add })}</span>
              <span className="text-muted-foreground">
                {" "}
                · {t("already", { count: counts.skip })} · {t("planBlocked", { count: counts.blocked })}
                {quota && ` · ${t("imageHas", { used: quota.used, limit: quota.limit })}`}
              </span>
            </p>
            {planned.policy && (
              <p className="text-sm text-muted-foreground">
                {t("policySummary", { mode: planned.policy.mode, ...planned.policy.counts })}
                {planned.policy.mode === "audit" && ` ${t("auditNote")}`}
              </p>
            )}
            {planned.rows.length > 0 && (
              <OutcomeTable caption={t("planCaption")} rows={planRows(planned)} images={multi} />
            )}
            {enforced === "approval" &&
              (asked?.ok ? (
                <AskedForApproval pairs={asked.data.pairs} />
              ) : (
                <Alert tone="warning">{t("needsApproval")}</Alert>
              ))}
            {(enforced === "reason" || (enforced === "approval" && !asked?.ok)) && (
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="share-reason">
                  {enforced === "approval" ? t("approvalReasonLabel") : t("reasonLabel")}
                </Label>
                <Textarea
                  id="share-reason"
                  name="reason"
                  rows={2}
                  required
                  maxLength={1000}
                  defaultValue={reason}
                  onChange={(e) => setReason(e.target.value)}
                  readOnly={sharing}
                  aria-invalid={Boolean(error?.fieldErrors?.reason)}
                  aria-describedby="share-reason-hint"
                  className="font-sans text-sm"
                />
                {enforced === "reason" && (
                  <p id="share-reason-hint" className="text-xs text-muted-foreground">
                    {t("reasonHint")}
                  </p>
                )}
              </div>
            )}
          </>
        )}
        {sharing && words.sending && (
          <div className="flex flex-col gap-1 text-sm">
            <span>{words.sending}</span>
            <div className="h-1.5 overflow-hidden rounded-full bg-muted">
              <div className="h-full w-1/3 rounded-full bg-primary motion-safe:animate-pulse" />
            </div>
          </div>
        )}
      </div>
      <div className="sticky -bottom-5 -mx-5 -mb-5 flex justify-end gap-2 border-t border-border bg-card px-5 py-3">
        <Button type="submit" variant="secondary" formAction={check} disabled={checking || sharing || !text.trim()}>
          {checking ? t("checking") : t("check")}
        </Button>
        {enforced === "approval" && !asked?.ok && (
          <Button type="submit" formAction={ask} disabled={asking || checking || !reason.trim()}>
            {asking ? t("asking") : t("askApproval")}
          </Button>
        )}
        <Button
          type="submit"
          disabled={
            !counts?.add || sharing || checking || enforced === "approval" || (enforced === "reason" && !reason.trim())
          }
        >
          {sharing ? t("sharing") : counts?.add ? words.send(counts.add) : t("share")}
        </Button>
      </div>
    </form>
  );
}
