"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactElement } from "react";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action";
import { planShareAction, shareImagesAction, type SharePlanView } from "../actions";
import { PlanTable, ResultTable } from "./plan-table";

type ShareResult = Awaited<ReturnType<typeof shareImagesAction>>;

/** Share images: type targets, see each pair's fate before sending, then send and see what happened. */
export function ShareDialog({ images, trigger }: { images: { id: string; name: string }[]; trigger: ReactElement }) {
  const [open, setOpen] = useState(false);
  const [targets, setTargets] = useState("");
  const [kind, setKind] = useState<"project" | "account">("project");
  const [plan, setPlan] = useState<ActionResult<SharePlanView> | null>(null);
  const [result, setResult] = useState<ShareResult | null>(null);
  const [checking, startCheck] = useTransition();
  const [sending, startSend] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const input = { imageIds: images.map((i) => i.id), targets, kind };
  const what = images.length === 1 ? images[0].name : `${images.length} images`;

  const reset = () => {
    setPlan(null);
    setResult(null);
  };
  const check = () => startCheck(async () => setPlan(await planShareAction(null, input)));
  const send = () =>
    startSend(async () => {
      const res = await shareImagesAction(null, input);
      setResult(res);
      if (!res.ok) {
        toast({
          tone: "error",
          title: `Sharing ${what} failed`,
          body: `${res.error.message}${res.error.upstreamCode ? ` (${res.error.upstreamCode})` : ""}`,
        });
        return;
      }
      const ok = res.data.results.filter((r) => r.outcome === "succeeded").length;
      const failed = res.data.results.length - ok;
      toast({
        tone: failed ? "error" : "success",
        title: failed
          ? `Shared ${what}: ${ok} done, ${failed} failed`
          : `Shared ${what} with ${ok} target${ok === 1 ? "" : "s"}`,
        body: res.data.jobs.length ? `IMS job ${res.data.jobs.join(", ")}` : "Nothing needed sending.",
      });
      router.refresh();
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) reset();
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent
        title={`Share ${what}`}
        description="Recipients see the image as pending until they accept it. Nothing is sent until you confirm."
      >
        <div className="flex flex-col gap-4">
          <fieldset className="flex gap-4 text-sm" disabled={sending}>
            <legend className="mb-1 text-sm font-medium">Ids are</legend>
            {(["project", "account"] as const).map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => (setKind(k), reset())}
                  className="accent-[var(--primary)]"
                />
                {k === "project" ? "Project ids" : "Account ids"}
              </label>
            ))}
          </fieldset>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="share-targets">Targets</Label>
            <Textarea
              id="share-targets"
              rows={4}
              value={targets}
              disabled={sending}
              onChange={(e) => (setTargets(e.target.value), reset())}
              placeholder={"610be0000000000000000000000000a1\norganizations::<account id>:ou:o-…/ou-…"}
              aria-describedby="share-targets-hint"
            />
            <p id="share-targets-hint" className="text-xs text-muted-foreground">
              One per line, or separated by spaces or commas; up to 100. Organization URNs are recognised as such.
            </p>
          </div>
          <div aria-live="polite" className="flex flex-col gap-3">
            {plan && !plan.ok && (
              <Alert tone="error">
                {plan.error.fieldErrors ? Object.values(plan.error.fieldErrors).flat().join(" ") : plan.error.message}
              </Alert>
            )}
            {plan?.ok && !result && <PlanTable plan={plan.data} multipleImages={images.length > 1} />}
            {sending && !result && (
              <div className="flex flex-col gap-1 text-sm">
                <span>Sharing… waiting for the IMS job to apply each pair.</span>
                <div className="h-1.5 overflow-hidden rounded-full bg-muted">
                  <div className="h-full w-1/3 animate-pulse rounded-full bg-primary" />
                </div>
              </div>
            )}
            {result && !result.ok && (
              <Alert tone="error">
                {result.error.message}
                {result.error.upstreamCode ? ` (${result.error.upstreamCode})` : ""}
              </Alert>
            )}
            {result?.ok && (
              <ResultTable
                results={result.data.results}
                names={new Map(images.map((i) => [i.id, i.name]))}
                jobs={result.data.jobs}
              />
            )}
          </div>
          <div className="flex justify-end gap-2">
            {result?.ok ? (
              <Button onClick={() => setOpen(false)}>Done</Button>
            ) : (
              <>
                <Button variant="secondary" onClick={check} disabled={checking || sending || !targets.trim()}>
                  {checking ? "Checking…" : "Check targets"}
                </Button>
                <Button onClick={send} disabled={sending || !plan?.ok || plan.data.counts.add === 0}>
                  {sending
                    ? "Sharing…"
                    : plan?.ok
                      ? `Share ${plan.data.counts.add} pair${plan.data.counts.add === 1 ? "" : "s"}`
                      : "Share"}
                </Button>
              </>
            )}
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
