/**
 * Query keys of the inbox (Incoming). The count is keyed by project because a project switch keeps
 * the console's query cache; invalidating `incomingKeys.all` refreshes every inbox query.
 */
export const incomingKeys = {
  all: ["incoming"] as const,
  count: (projectId: string) => [...incomingKeys.all, "count", projectId] as const,
};

/** The body of `GET /api/incoming/count`. */
export interface PendingCount {
  pending: number;
}
