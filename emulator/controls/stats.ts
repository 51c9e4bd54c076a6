const ID_SEGMENT = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Request counts per route, with ids folded to `{id}` (`GET /v1/{id}/cloudimages/{id}/members`). */
export class Stats {
  private counts = new Map<string, number>();
  total = 0;

  count(method: string, path: string): void {
    const key = `${method} ${routeKey(path)}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total++;
  }

  snapshot(): { total: number; routes: Record<string, number> } {
    const routes = Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
    return { total: this.total, routes };
  }

  reset(): void {
    this.counts.clear();
    this.total = 0;
  }
}

export function routeKey(path: string): string {
  return path
    .split("/")
    .map((s) => (ID_SEGMENT.test(s) ? "{id}" : s))
    .join("/");
}
