import { apiRoute } from "@/lib/api/route";
import type { MemberView } from "@/lib/api/schemas";
import { ownImageMembers } from "@/lib/sharing/inventory";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The members of one of the project's own images; another project's image is not found, as no image is. */
export const GET = apiRoute(
  { access: "read", audit: false },
  async (_input, { scope }, _request, params: { id: string }): Promise<MemberView[]> =>
    ownImageMembers(scope, params.id),
);
