import { sql } from "kysely";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for start scripts and load balancers. */
export async function GET() {
  try {
    await sql`select 1`.execute(await getDb());
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
  }
}
