"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { importCtsTraces } from "@/lib/audit/cts-import";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { appError, UserError } from "@/lib/errors";
import { INSTANCE_ID } from "@/lib/instance";
import { flagOutside } from "@/lib/sharing/policy";
import { checkDriftNow } from "@/lib/boot/drift";
import { text } from "@/lib/i18n/text";

export interface CtsImportData {
  imported: number;
  known: number;
}

/**
 * "Import now": reads the session project's CTS and appends what was shared outside the console.
 * No audit event: the run is kept in `cts_imports` and the events it imports are the record.
 * Read-only users may run it too: it only reads the cloud, and adds to the history what the cloud
 * already says happened.
 */
export const importCtsTracesAction = defineAction(
  { audit: false, schema: z.object({}) },
  async (_input, ctx): Promise<CtsImportData> => {
    const result = await importCtsTraces(await getDb(), ctx.scope, ctx.session, {
      trigger: "manual",
      instanceId: INSTANCE_ID,
      settleMs: env.CTS_IMPORT_SETTLE_MS,
      outside: (events) => flagOutside(ctx.scope, ctx.session, events),
    });
    revalidatePath("/history");
    // What the import brought in may have moved the cloud away from a watched manifest.
    if (result.status === "succeeded") await checkDriftNow(ctx.session.accountId, ctx.scope.projectId);
    if (result.status === "busy") throw new UserError("conflict", text("errors.said.ctsImportRunning"));
    if (result.status === "failed")
      throw new UserError(appError(result.code as Parameters<typeof appError>[0], result.message));
    return { imported: result.imported, known: result.known };
  },
);
