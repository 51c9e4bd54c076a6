import { routeSession } from "@/lib/auth/session";
import { csvRow } from "@/lib/csv";
import { getDb } from "@/lib/db";
import { errorResponse, NO_STORE } from "@/lib/http";
import { listNames } from "@/lib/names/store";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The account's address book as CSV (`id,name,note`), the shape the import reads back. */
export async function GET() {
  try {
    const session = await routeSession();
    const names = await listNames(await getDb(), session.accountId);
    const body = csvRow(["id", "name", "note"]) + names.map((n) => csvRow([n.id, n.name, n.note])).join("");
    return new Response(body, {
      headers: {
        ...NO_STORE,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="address-book-${session.accountName}.csv"`,
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
