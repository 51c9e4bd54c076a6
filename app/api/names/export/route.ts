import { getTranslations } from "next-intl/server";
import { routeSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse, NO_STORE } from "@/lib/http";
import { namesCsv } from "@/lib/names/csv";
import { listNames } from "@/lib/names/store";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The account's address book as CSV (`id,name,note`), the shape the import reads back: its heading in
 * the reader's language, which the import takes in either (lib/names/validate.ts).
 */
export async function GET() {
  try {
    const session = await routeSession();
    const names = await listNames(await getDb(), session.accountId);
    const label = await getTranslations("names.csv");
    const body = namesCsv(names, (column) => label(column));
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
