const ID_SEGMENT = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Request counts per route, with ids folded to `{id}` (`GET /v1/{id}/cloudimages/{id}/members`). */
const JOB_PATH = /^\/v1\/(?:cloudimages\/job|[0-9a-f]{32}\/jobs)\/([^/]+)$/;

/** One read of an IMS job: when, and which client (its User-Agent) asked. */
export interface JobPoll {
  at: number;
  client: string;
}

/**
 * Request counts per route, with ids folded to `{id}` (`GET /v1/{id}/cloudimages/{id}/members`) and SMN
 * topic URNs to `{urn}`, and every read of each IMS job with the client's User-Agent, so tests can
 * prove that one job is polled by one console instance at a time.
 */
export class Stats {
  private counts = new Map<string, number>();
  private polls = new Map<string, JobPoll[]>();
  total = 0;

  count(method: string, path: string, client = "", at = Date.now()): void {
    const key = `${method} ${routeKey(path)}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total++;
    const job = method === "GET" ? JOB_PATH.exec(path)?.[1] : undefined;
    if (job) {
      const list = this.polls.get(job) ?? [];
      // Bounded: a stuck job polled for hours keeps its latest reads.
      if (list.length >= 5_000) list.shift();
      list.push({ at, client });
      this.polls.set(job, list);
    }
  }

  snapshot(): { total: number; routes: Record<string, number>; jobPolls: Record<string, JobPoll[]> } {
    const routes = Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
    return { total: this.total, routes, jobPolls: Object.fromEntries(this.polls) };
  }

  reset(): void {
    this.counts.clear();
    this.polls.clear();
    this.total = 0;
  }
}

/** SMN topic URNs (`urn:smn:…`), as sent or percent-encoded. */
const URN_SEGMENT = /^urn(?::|%3A)smn(?::|%3A)/i;

export function routeKey(path: string): string {
  return path
    .split("/")
    .map((s) => (ID_SEGMENT.test(s) ? "{id}" : URN_SEGMENT.test(s) ? "{urn}" : s))
    .join("/");
}
