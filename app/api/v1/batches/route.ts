import { apiRoute, batchTokenOf } from "@/lib/api/route";
import { launchBatch } from "@/lib/batches/launch";
import { launchSchema } from "@/lib/batches/planning";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Launches a batch share or unshare, planned and gated on the server exactly as the planner's launch. */
export const POST = apiRoute({ access: "write", audit: "batch_launched", schema: launchSchema }, async (input, ctx) =>
  launchBatch(input, ctx, batchTokenOf(ctx.token)),
);
