"use client";

import { Share2 } from "lucide-react";
import { useActionState, useState } from "react";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";
import type { ActionResult, ActionState } from "@/lib/actions/action";
import { PHONE_MEMBER_LIMIT, planCounts, type PhonePlanRow } from "@/lib/sharing/phone-plan";
import { planPhoneShareAction, sharePhoneImageAction, type ShareRow } from "../../actions";
import { OutcomeTable } from "./outcome-table";

type ShareData = { targets: string; imageName: string; rows: ShareRow[] };
type PlanData = { targets: string; rows: PhonePlanRow[]; members: number };

const projects = (n: number) => `${n} project${n === 1 ? "" : "s"}`;

/** The Share button and its dialog; every opening starts a fresh form. */
export function ShareDialog({ imageId, imageName, region }: { imageId: string; imageName: string; region: string }) {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Share2 aria-hidden />
          Share
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Share ${imageName}`}
        description={`Paste the ids of projects in ${region}. Check shows what will happen to each before anything is sent.`}
      >
        <ShareForm
          key={round}
          imageId={imageId}
          imageName={imageName}
          region={region}
          onAgain={() => setRound((r) => r + 1)}
          onDone={() => setOpen(false)}
        />
      </DialogContent>
    </Dialog>
  );
}

interface FormProps {
  imageId: string;
  imageName: string;
  region: string;
  onAgain: () => void;
  onDone: () => void;
}

function ShareForm({ imageId, imageName, region, onAgain, onDone }: FormProps) {
  const toast = useToast();
  // The typed text is kept so that React's reset of the form after each action puts it back
  // (it is what the actions echo in `values` on failure).
  const [text, setText] = useState("");
  const [last, setLast] = useState<"plan" | "share">();
  const [plan, check, checking] = useActionState(async (prev: ActionState<PlanData>, form: FormData) => {
    setLast("plan");
    return planPhoneShareAction(prev, form);
  }, null);
  const [result, share, sharing] = useActionState(async (prev: ActionState<ShareData>, form: FormData) => {
    setLast("share");
    const next = await sharePhoneImageAction(prev, form);
    announce(toast, imageName, next);
    return next;
  }, null);
  const planned = plan?.ok && sameText(plan.data.targets, text) ? plan.data : undefined;
  const counts = planned ? planCounts(planned.rows) : undefined;
  const latest = last === "share" ? result : plan;
  const error = latest && !latest.ok ? latest.error : undefined;
  const fieldError = error?.fieldErrors?.targets?.[0];

  if (result?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm" aria-live="polite">
          {summary(result.data.rows)}
        </p>
        <OutcomeTable caption="What happened to each target" rows={result.data.rows.map(outcomeRow)} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onAgain}>
            Share with more projects
          </Button>
          <Button onClick={onDone}>Done</Button>
        </div>
      </div>
    );
  }

  return (
    <form action={share} className="flex flex-col gap-4">
      <input type="hidden" name="imageId" value={imageId} />
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="share-targets">Project ids</Label>
        <Textarea
          id="share-targets"
          name="targets"
          rows={4}
          spellCheck={false}
          placeholder="610be0000000000000000000000000a1"
          defaultValue={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={Boolean(fieldError)}
          aria-describedby="share-targets-hint"
        />
        <p id="share-targets-hint" className="text-xs text-muted-foreground">
          32-character project ids, separated by spaces, commas or new lines. CPH shares within {region} only, with at
          most {PHONE_MEMBER_LIMIT} projects per image.
        </p>
      </div>
      <div aria-live="polite" className="flex flex-col gap-3">
        {error && (
          <Alert tone="error">
            {fieldError ?? error.message}
            {error.upstreamCode && <span className="ml-1 font-mono text-xs">({error.upstreamCode})</span>}
          </Alert>
        )}
        {plan?.ok && !planned && (
          <p className="text-sm text-muted-foreground">The list changed since it was checked: check it again.</p>
        )}
        {planned && counts && (
          <>
            <p className="text-sm">
              <span className="font-medium">{counts.add} to add</span>
              <span className="text-muted-foreground">
                {" "}
                · {counts.skip} already {counts.skip === 1 ? "a member" : "members"} · {counts.blocked} blocked · the
                image has {planned.members} of {PHONE_MEMBER_LIMIT} members
              </span>
            </p>
            {planned.rows.length > 0 && (
              <OutcomeTable caption="What sharing would do to each target" rows={planned.rows.map(planRow)} />
            )}
          </>
        )}
      </div>
      <div className="sticky -bottom-5 -mx-5 -mb-5 flex justify-end gap-2 border-t border-border bg-card px-5 py-3">
        <Button type="submit" variant="secondary" formAction={check} disabled={checking || sharing || !text.trim()}>
          {checking ? "Checking…" : "Check"}
        </Button>
        <Button type="submit" disabled={!counts?.add || sharing || checking}>
          {sharing ? "Sharing…" : counts?.add ? `Share with ${projects(counts.add)}` : "Share"}
        </Button>
      </div>
    </form>
  );
}

const planRow = (r: PhonePlanRow) => ({ target: r.input, name: r.projectName, outcome: r.decision, reason: r.reason });
const outcomeRow = (r: ShareRow) => ({
  target: r.id,
  name: r.projectName,
  outcome: r.outcome,
  reason: r.reason,
  code: r.code,
});
function summary(rows: ShareRow[]): string {
  const count = (o: ShareRow["outcome"]) => rows.filter((r) => r.outcome === o).length;
  const parts = [`Shared with ${projects(count("succeeded"))}`];
  if (count("failed")) parts.push(`${count("failed")} failed`);
  if (count("skipped")) parts.push(`${count("skipped")} skipped`);
  if (count("blocked")) parts.push(`${count("blocked")} blocked, not sent`);
  return `${parts.join(" · ")}.`;
}

/** Forms send new lines as CRLF; the text typed has LF. */
const sameText = (a: string, b: string) => a.replace(/\r\n?/g, "\n") === b.replace(/\r\n?/g, "\n");

/** A toast that says what happened: how many were shared, and the first failure's reason. */
function announce(toast: ReturnType<typeof useToast>, imageName: string, result: ActionResult<ShareData>) {
  if (!result.ok) {
    toast({ tone: "error", title: `Could not share ${imageName}`, body: result.error.message });
    return;
  }
  const done = result.data.rows.filter((r) => r.outcome === "succeeded").length;
  const failed = result.data.rows.filter((r) => r.outcome === "failed");
  if (done + failed.length === 0)
    toast({ tone: "info", title: `Nothing to share: every target was skipped or blocked` });
  else if (failed.length === 0) toast({ tone: "success", title: `Shared ${imageName} with ${projects(done)}` });
  else if (done === 0)
    toast({
      tone: "error",
      title: `Could not share ${imageName} with ${projects(failed.length)}`,
      body: failed[0].reason,
    });
  else
    toast({
      tone: "error",
      title: `Shared ${imageName} with ${done} of ${projects(done + failed.length)}`,
      body: failed[0].reason,
    });
}
