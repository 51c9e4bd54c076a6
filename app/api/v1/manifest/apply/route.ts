import { applyInput } from "@/lib/api/manifest";
import { apiRoute, batchTokenOf } from "@/lib/api/route";
import { applyManifest } from "@/lib/manifest/apply";
import { parseManifest } from "@/lib/manifest/parse";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Applies a manifest: planned again on the server, refused when `planDigest` is not that plan's, its adds
 * and removes launched as batches the tracker sends, approvals asked where the policy holds adds.
 */
export const POST = apiRoute({ access: "write", audit: "manifest_applied", schema: applyInput }, async (input, ctx) => {
  const done = await applyManifest(parseManifest(input.manifest), ctx, {
    planDigest: input.planDigest,
    reason: input.reason,
    apiTokenId: batchTokenOf(ctx.token),
  });
  return {
    batches: done.batches.map((b) => ({ ...b, url: `/batches/${b.id}` })),
    approvals: done.approvals,
    nothing: done.nothing,
  };
});
