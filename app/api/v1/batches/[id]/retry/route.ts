import { apiRoute } from "@/lib/api/route";
import { retryBatch } from "@/lib/batches/launch";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { UUID } from "@/lib/ids";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Sends a batch's failed pairs again; another project's batch is as unknown as none. */
export const POST = apiRoute(
  { access: "write", audit: "batch_retried" },
  async (_input, ctx, _request, params: { id: string }) => {
    if (!UUID.test(params.id)) throw new UserError("not_found", text("errors.said.batchNotFound"));
    const { count } = await retryBatch(params.id, ctx);
    return { retried: count };
  },
);
