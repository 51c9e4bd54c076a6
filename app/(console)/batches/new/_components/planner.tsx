"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action";
import { batchNeeds, CELL_SEND, type BatchPlanView } from "@/lib/batches/plan";
import type { PickableImage } from "@/lib/batches/picker";
import type { BatchOperation } from "@/lib/batches/types";
import { requestApprovalAction } from "../../../approvals/actions";
import { launchBatchAction, planBatchAction } from "../actions";
import { ImagePicker } from "./image-picker";
import { LaunchBar } from "./launch-bar";
import { EndsAtField, NEVER, endsAtOf, type EndsAtChoice } from "@/components/sharing/ends-at-field";
import { PolicyPanel } from "./policy-panel";
import { PlanMatrix } from "./plan-matrix";
import { PlanProblems, PlanSummary } from "./plan-summary";
import { TargetsField } from "./targets-field";

interface PlanInput {
  operation: BatchOperation;
  imageIds: string[];
  targets: string;
  kind: "project" | "account";
}

const splitIds = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** The sends taken out, as the launch and approval actions take them (`imageIndex:targetIndex`). */
const excludedKeys = (view: BatchPlanView, excluded: ReadonlySet<number>) =>
  [...excluded].map((idx) => `${Math.floor(idx / view.targets.length)}:${idx % view.targets.length}`);

/** The batch planner: choose the operation, images and targets, plan, take pairs out, launch. */
export function Planner({
  images,
  preselected,
  readOnly,
}: {
  images: { ims: PickableImage[]; cph: PickableImage[]; more: boolean };
  preselected: string[];
  readOnly: boolean;
}) {
  const t = useTranslations("batches.planner");
  const listed = useMemo(() => new Set([...images.ims, ...images.cph].map((i) => i.id)), [images]);
  const [operation, setOperation] = useState<BatchOperation>("share");
  const [selected, setSelected] = useState(() => new Set(preselected.filter((id) => listed.has(id))));
  const [pasted, setPasted] = useState(() => preselected.filter((id) => !listed.has(id)).join("\n"));
  const [targets, setTargets] = useState("");
  const [kind, setKind] = useState<"project" | "account">("project");
  const [result, setResult] = useState<ActionResult<BatchPlanView> | null>(null);
  const [planned, setPlanned] = useState<PlanInput | null>(null);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const [reason, setReason] = useState("");
  const [ends, setEnds] = useState<EndsAtChoice>(NEVER);
  const [asked, setAsked] = useState<ActionResult<{ id: string; pairs: number }> | null>(null);
  const [asking, startAsk] = useTransition();
  const [launchError, setLaunchError] = useState<ActionResult<unknown> | null>(null);
  const [planning, startPlan] = useTransition();
  const [launching, startLaunch] = useTransition();

  const imageIds = useMemo(() => {
    const chosen = [...images.ims, ...images.cph].filter((i) => selected.has(i.id)).map((i) => i.id);
    return [...new Set([...chosen, ...splitIds(pasted)])];
  }, [images, selected, pasted]);

  const stale = () => {
    setResult(null);
    setPlanned(null);
    setExcluded(new Set());
    setLaunchError(null);
    setAsked(null);
  };
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => (set(v), stale());

  const plan = () => {
    const input: PlanInput = { operation, imageIds, targets, kind };
    startPlan(async () => {
      const res = await planBatchAction(null, input);
      setResult(res);
      setPlanned(res.ok ? input : null);
      setExcluded(new Set());
      setLaunchError(null);
    });
  };

  const view = result?.ok ? result.data : undefined;
  const launched = view ? view.counts.send - excluded.size : 0;
  // What the enforced sharing policy needs of the sends kept (nothing in audit mode).
  const needs = view?.policy ? batchNeeds(view, excluded) : "allowed";
  const held = view?.policy?.mode === "enforce" && (needs === "approval" || (needs === "reason" && !reason.trim()));
  const launch = () => {
    if (!view || !planned) return;
    const keys = excludedKeys(view, excluded);
    const why = reason.trim() || undefined;
    startLaunch(async () =>
      setLaunchError(
        await launchBatchAction(null, {
          ...planned,
          excluded: keys,
          reason: why,
          endsAt: planned.operation === "share" ? endsAtOf(ends) : undefined,
        }),
      ),
    );
  };
  const ask = () => {
    if (!view || !planned) return;
    const keys = excludedKeys(view, excluded);
    const { operation: _share, ...input } = planned;
    startAsk(async () =>
      setAsked(await requestApprovalAction(null, { ...input, excluded: keys, reason: reason.trim() })),
    );
  };

  const toggle = (cells: number[]) => {
    if (!view) return;
    const sends = cells.filter((idx) => view.cells[idx] === CELL_SEND);
    if (sends.length === 0) return;
    setExcluded((prev) => {
      const next = new Set(prev);
      const allOut = sends.every((idx) => next.has(idx));
      for (const idx of sends) {
        if (allOut) next.delete(idx);
        else next.add(idx);
      }
      return next;
    });
  };

  const errors = result && !result.ok ? (result.error.fieldErrors ?? {}) : {};
  return (
    <div className="flex flex-col gap-5">
      <fieldset className="flex flex-wrap items-center gap-2" disabled={planning || launching}>
        <legend className="sr-only">{t("operation")}</legend>
        {(["share", "unshare"] as const).map((op) => (
          <label
            key={op}
            className="flex cursor-pointer items-center gap-2 rounded-md border border-border bg-card px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent"
          >
            <input
              type="radio"
              name="operation"
              value={op}
              checked={operation === op}
              onChange={() => change(setOperation)(op)}
              className="accent-[var(--primary)]"
            />
            <span className="font-medium">{t(op)}</span>
            <span className="text-muted-foreground">{op === "share" ? t("shareHint") : t("unshareHint")}</span>
          </label>
        ))}
      </fieldset>
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <ImagePicker
          images={images}
          operation={operation}
          selected={selected}
          onSelected={change(setSelected)}
          pasted={pasted}
          onPasted={change(setPasted)}
          total={imageIds.length}
          errors={errors.imageIds}
        />
        <TargetsField
          targets={targets}
          onTargets={change(setTargets)}
          kind={kind}
          onKind={change(setKind)}
          errors={errors.targets}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={plan} disabled={planning || launching || imageIds.length === 0 || !targets.trim()}>
          {planning ? t("planning") : t("plan")}
        </Button>
        <span className="text-sm text-muted-foreground">{t("planHint")}</span>
      </div>
      <div aria-live="polite" className="flex flex-col gap-4">
        {result && !result.ok && (
          <Alert tone="error">
            {result.error.fieldErrors ? Object.values(result.error.fieldErrors).flat().join(" ") : result.error.message}
            {result.error.upstreamCode ? ` (${result.error.upstreamCode})` : ""}
          </Alert>
        )}
        {view && (
          <>
            <PlanSummary plan={view} excluded={excluded.size} />
            <PlanMatrix plan={view} excluded={excluded} onToggle={toggle} />
            <PlanProblems plan={view} />
            {view.policy && (
              <PolicyPanel
                policy={view.policy}
                needs={needs}
                reason={reason}
                onReason={setReason}
                onAsk={ask}
                asking={asking}
                asked={asked}
              />
            )}
            {view.operation === "share" && (
              <div className="max-w-xl">
                <EndsAtField id="batch-ends" value={ends} onChange={setEnds} disabled={launching} />
              </div>
            )}
            <LaunchBar
              operation={view.operation}
              launched={launched}
              held={held}
              images={view.images.length}
              targets={view.targets.length}
              readOnly={readOnly}
              launching={launching}
              onLaunch={launch}
              error={launchError && !launchError.ok ? launchError.error : undefined}
            />
          </>
        )}
      </div>
    </div>
  );
}
