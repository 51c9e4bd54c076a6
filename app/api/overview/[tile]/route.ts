import { routeSession } from "@/lib/auth/session";
import { UserError } from "@/lib/errors";
import { errorResponse, jsonResponse } from "@/lib/http";
import { text } from "@/lib/i18n/text";
import { isTileName, loadTile } from "@/lib/overview/load";

export const dynamic = "force-dynamic";

/**
 * One overview tile, read again for this user and project (polled as the inbox badge is). A read that
 * failed is answered 200 with the tile's error: the tile says it, the others stay as they are.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ tile: string }> }) {
  try {
    const session = await routeSession();
    const { tile } = await params;
    if (!isTileName(tile)) throw new UserError("not_found", text("errors.said.overviewTileUnknown"));
    return jsonResponse(await loadTile(tile, session));
  } catch (e) {
    return errorResponse(e);
  }
}
