import { apiRoute } from "@/lib/api/route";
import type { MeView } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Who the token acts as and where: a script's first check that its token works. */
export const GET = apiRoute({ access: "read", audit: false }, async (_input, { session, token }): Promise<MeView> => ({
  userName: session.userName,
  accountName: session.accountName,
  projectId: session.projectId,
  projectName: session.projectName,
  region: session.region,
  token: { name: token.name, access: token.access, expiresAt: new Date(token.expiresAt).toISOString() },
}));
