import { apiRoute } from "@/lib/api/route";
import { imagesQuerySchema, type ImageView } from "@/lib/api/schemas";
import { ownImages } from "@/lib/sharing/inventory";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The project's own images, IMS and CPH, or one service's (`?service=ims|cph`), with their member counts. */
export const GET = apiRoute(
  { access: "read", audit: false, schema: imagesQuerySchema },
  async ({ service }, { scope }): Promise<ImageView[]> => ownImages(scope, service),
);
