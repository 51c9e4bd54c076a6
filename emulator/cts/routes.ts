import type { Hono } from "hono";
import { authenticate, can, type Emu, type EmuEnv } from "../core/context";
import { serviceError } from "../core/errors";
import type { Trace } from "../store/types";
import { invalidParameter, matchesFilters, parseTraceQuery } from "./query";
import { traceWire } from "./wire";

const DAY = 24 * 3600 * 1000;

type Indexed = { t: Trace; i: number };

/** CTS `GET /v3/{project_id}/traces` (reference sections 10.1 and 11.8). */
export function registerCts(app: Hono<EmuEnv>, emu: Emu): void {
  app.get("/v3/:project_id/traces", (c) => {
    const session = authenticate(c, emu);
    if (c.req.param("project_id") !== session.project.id) {
      throw serviceError("CTS.0012", "Invalid project ID. Check whether the project ID is correct.", 403);
    }
    if (!can(session, "cts:trace:list")) throw serviceError("CTS.0013", "No permission, Please check roles.", 403);
    const now = emu.clock.now();
    const q = parseTraceQuery(c, now);
    const stored = emu.world.traces.get(session.project.id) ?? [];
    const oldest = now - emu.config.cts.retentionDays * DAY;
    // Newest first; traces of the same millisecond keep their recording order, latest first.
    const kept: Indexed[] = stored
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => t.time >= oldest)
      .sort((a, b) => b.t.time - a.t.time || b.i - a.i);

    let matching: Indexed[];
    if (q.traceType === "data") matching = [];
    else if (q.traceId !== undefined) matching = kept.filter(({ t }) => t.trace_id === q.traceId);
    else {
      matching = kept.filter(({ t }) => matchesFilters(t, q));
      if (q.next !== undefined) {
        const m = stored.findIndex((t) => t.trace_id === q.next);
        if (m < 0) throw invalidParameter("next", "is not the marker of a previous page");
        const mt = stored[m].time;
        matching = matching.filter(({ t, i }) => t.time < mt || (t.time === mt && i < m));
      }
    }
    const page = matching.slice(0, q.limit);
    const more = matching.length > page.length;
    return c.json({
      traces: page.map(({ t }) => traceWire(t, emu.config.disputed)),
      meta_data: { count: page.length, marker: more ? page[page.length - 1].t.trace_id : null },
    });
  });
}
