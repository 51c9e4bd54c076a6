import { describe, expect, it } from "vitest";
import { csvLines, jsonChunks, textStream } from "./export";
import type { BatchPairView, BatchSummary } from "./types";

const pair = (over: Partial<BatchPairView> = {}): BatchPairView => ({
  idx: 0,
  imageId: "1b7f0000-0000-4000-8000-000000000001",
  imageName: "ubuntu-22.04-web",
  service: "ims",
  targetKind: "project",
  target: "610be0000000000000000000000000a1",
  memberId: "610be0000000000000000000000000a1",
  status: "failed",
  code: "IMG.0088",
  reason: "Quota reached",
  reasonText: null,
  attempt: 2,
  jobId: "ff80808288d41e1b0188d5c1a0b00001",
  updatedAt: Date.UTC(2026, 10, 22, 10, 5, 0),
  version: 3,
  ...over,
});

async function* each<T>(items: T[]) {
  yield* items;
}

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("CSV export", () => {
  it("writes the header and one line per pair, with ISO times", async () => {
    const csv = await text(
      textStream(
        csvLines(
          each([
            pair(),
            pair({ idx: 1, imageName: "=cmd|'/c calc'!A1", reason: 'Refused, "quota"\nfull', code: null, jobId: null }),
          ]),
          { "610be0000000000000000000000000a1": "Globex, Singapore" },
        ),
      ),
    );
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "image_id,image_name,service,target_kind,target,target_name,member_id,status,code,reason,attempt,job_id,updated_at",
    );
    expect(lines[1]).toBe(
      '1b7f0000-0000-4000-8000-000000000001,ubuntu-22.04-web,ims,project,610be0000000000000000000000000a1,"Globex, Singapore",610be0000000000000000000000000a1,failed,IMG.0088,Quota reached,2,ff80808288d41e1b0188d5c1a0b00001,2026-11-22T10:05:00.000Z',
    );
    expect(lines[2]).toBe(
      `1b7f0000-0000-4000-8000-000000000001,'=cmd|'/c calc'!A1,ims,project,610be0000000000000000000000000a1,"Globex, Singapore",610be0000000000000000000000000a1,failed,,"Refused, ""quota""\nfull",2,,2026-11-22T10:05:00.000Z`,
    );
    expect(lines[3]).toBe("");
  });
});

describe("JSON export", () => {
  it("is one valid document with the summary and every pair, made in small pieces", async () => {
    const summary = { id: "b1", status: "finished" } as BatchSummary;
    const pairs = Array.from({ length: 5_000 }, (_, idx) => pair({ idx }));
    const stream = textStream(jsonChunks(summary, each(pairs)), 1_024);
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(100);
    const doc = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    expect(doc.batch).toEqual(summary);
    expect(doc.pairs).toHaveLength(5_000);
    expect(doc.pairs[4_999]).toMatchObject({ idx: 4_999, status: "failed", updatedAt: "2026-11-22T10:05:00.000Z" });
  });

  it("is valid with no pairs", async () => {
    expect(JSON.parse(await text(textStream(jsonChunks({ id: "b" } as BatchSummary, each([])))))).toEqual({
      batch: { id: "b" },
      pairs: [],
    });
  });
});
