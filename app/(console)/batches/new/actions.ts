"use server";

import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { launchBatch } from "@/lib/batches/launch";
import { launchSchema, planOnServer, planSchema } from "@/lib/batches/planning";
import { text } from "@/lib/i18n/text";

const plan = (input: z.output<typeof planSchema>, ctx: ActionContext) => planOnServer(input, ctx);

/** The "Plan" step: every pair's fate, decided on the server (reads only, so no audit event). */
export const planBatchAction = defineAction({ audit: false, schema: planSchema }, plan);

/**
 * Launches a batch (`launchBatch`: planned again, exclusions and policy applied, every pair recorded
 * for the tracker), then opens the batch's page. Nothing is sent here; the tracker sends.
 */
export const launchBatchAction = defineAction(
  {
    audit: "batch_launched",
    schema: launchSchema,
    readOnlyMessage: text("errors.said.readOnlyPlan"),
    redirect: (batch: { id: string }) => `/batches/${batch.id}`,
  },
  launchBatch,
);
