import { getTranslations } from "next-intl/server";
import { CSV_COLUMNS, csvLines, jsonChunks, textStream } from "@/lib/batches/export";
import { streamPairs } from "@/lib/batches/store";
import { UserError } from "@/lib/errors";
import { csvRow, withHeading } from "@/lib/csv";
import { errorResponse, NO_STORE } from "@/lib/http";
import { text } from "@/lib/i18n/text";
import { namesOfSession } from "@/lib/names/server";
import { loadBatchRequest } from "../../_lib/request";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Every pair of the batch as CSV or JSON, streamed page by page from the database. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { db, summary, session } = await loadBatchRequest((await params).id);
    const format = new URL(request.url).searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "json") throw new UserError("invalid_input", text("errors.said.exportFormat"));
    const json = format === "json";
    const pairs = streamPairs(db, summary.id);
    // CSV is for people: its column names are in their language. JSON is the machine format and stays put.
    const label = await getTranslations("batches.csv");
    const heading = csvRow(CSV_COLUMNS.map((column) => label(column)));
    const body = textStream(
      json ? jsonChunks(summary, pairs) : withHeading(heading, csvLines(pairs, await namesOfSession(session))),
    );
    return new Response(body, {
      headers: {
        ...NO_STORE,
        "Content-Type": json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="batch-${summary.id}.${json ? "json" : "csv"}"`,
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
