import { historyPage } from "@/lib/api/history";
import { apiRoute } from "@/lib/api/route";
import { eventView } from "@/lib/api/views";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A page of the project's history, newest first, with History's filters (`from`, `to`, `action`, `source`…). */
export const GET = apiRoute({ access: "read", audit: false }, async (_input, { session }, request) => {
  const page = await historyPage(session, new URL(request.url));
  return { events: page.events.map(eventView), ...(page.next && { next: page.next }) };
});
