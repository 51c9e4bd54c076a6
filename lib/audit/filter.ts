import { z } from "zod";

/** The actions the console writes, in the order the filter offers them; CTS imports may add others. */
export const AUDIT_ACTIONS = [
  "share",
  "unshare",
  "accept",
  "reject",
  "batch_launched",
  "batch_retried",
  "batch_cancelled",
  "batch_jobs_given_up",
  "batch_finished",
  "signed_in",
  "signed_out",
  "switched_project",
] as const;

export const ACTION_LABEL: Record<string, string> = {
  share: "Share",
  unshare: "Unshare",
  accept: "Accept",
  reject: "Reject",
  batch_launched: "Batch launched",
  batch_retried: "Batch retried",
  batch_cancelled: "Batch cancelled",
  batch_jobs_given_up: "Batch stuck jobs read",
  batch_finished: "Batch finished",
  signed_in: "Signed in",
  signed_out: "Signed out",
  switched_project: "Switched project",
  named_target: "Named an id",
  unnamed_target: "Removed a name",
  imported_names: "Imported names",
  policy_changed: "Changed the sharing policy",
  approval_requested: "Asked for approval",
  approval_approved: "Approved a request",
  approval_declined: "Declined a request",
  approval_withdrawn: "Withdrew a request",
  lease_changed: "Changed an end date",
  lease_ended: "Share ended",
  notifications_changed: "Changed notifications",
  webhook_added: "Added a webhook",
  webhook_changed: "Changed a webhook",
  webhook_removed: "Removed a webhook",
  renewal_requested: "Asked for longer access",
  manifest_applied: "Applied a manifest",
  manifest_watched: "Watched a manifest",
  manifest_unwatched: "Stopped watching a manifest",
  api_token_created: "Created an API token",
  api_token_revoked: "Revoked an API token",
};

/** Sign-ins and sign-outs: most of a project's events, hidden from History unless asked for. */
export const SESSION_ACTIONS = ["signed_in", "signed_out"] as const;

export const actionLabel = (action: string) => ACTION_LABEL[action] ?? action.replaceAll("_", " ");

/** A URL value: the first of repeated ones, blank as absent. */
const one = z.preprocess((v) => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === "string" && s.trim() !== "" ? s.trim() : undefined;
}, z.string().max(200).optional());

const day = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v) || undefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
);

/**
 * The History filter as it lives in the URL (STYLE 7): values stay strings so the form echoes them
 * and exports record them as typed. Anything malformed is dropped rather than failing the page.
 */
export const historyFilterSchema = z.object({
  /** `YYYY-MM-DD`, UTC, inclusive on both ends. */
  from: day,
  to: day,
  action: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
    .transform((a) => [...new Set(a.filter((s) => /^[a-z_]{1,40}$/.test(s)))]),
  user: one.catch(undefined),
  image: one.catch(undefined),
  member: one.catch(undefined),
  batch: one.catch(undefined),
  outcome: z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v) || undefined,
    z.enum(["succeeded", "failed", "partial"]).optional().catch(undefined),
  ),
  source: z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v) || undefined,
    z.enum(["console", "cts", "lease", "api"]).optional().catch(undefined),
  ),
  /** `sessions=1` shows sign-ins and sign-outs, which are otherwise left out (unless `action` names them). */
  sessions: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) === "1", z.boolean()),
  q: z.preprocess((v) => {
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === "string" && s.trim() !== "" ? s.trim().slice(0, 100) : undefined;
  }, z.string().optional()),
});

export type HistoryFilter = z.output<typeof historyFilterSchema>;

/** The actions a filter leaves out: sign-ins and sign-outs, unless shown or named in `action`. */
export function hiddenActions(f: HistoryFilter): string[] {
  if (f.sessions || f.action.length) return [];
  return [...SESSION_ACTIONS];
}

export const emptyFilter = (): HistoryFilter => historyFilterSchema.parse({});

const DAY_MS = 86_400_000;

/** The filter's time bounds in epoch milliseconds: `to` covers its whole day. */
export function timeBounds(f: HistoryFilter): { from?: number; to?: number } {
  return {
    from: f.from ? Date.parse(`${f.from}T00:00:00Z`) : undefined,
    to: f.to ? Date.parse(`${f.to}T00:00:00Z`) + DAY_MS - 1 : undefined,
  };
}

/** The filter as URL parameters, defaults dropped, in a stable order (links, exports, records). */
export function filterParams(f: HistoryFilter): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ["from", "to", "user", "image", "member", "batch", "outcome", "source", "q"] as const) {
    const v = f[key];
    if (v) p.set(key, v);
  }
  for (const a of f.action) p.append("action", a);
  if (f.sessions) p.set("sessions", "1");
  return p;
}

export function isFiltered(f: HistoryFilter): boolean {
  return filterParams(f).size > 0;
}

/** A keyset cursor: the `(occurred_at, seq)` of the last row shown, as `1732312345678_42`. */
export const cursorSchema = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v),
  z
    .string()
    .regex(/^\d{1,15}_\d{1,15}$/)
    .transform((s) => {
      const [at, seq] = s.split("_").map(Number);
      return { at, seq };
    })
    .optional()
    .catch(undefined),
);

export type Cursor = { at: number; seq: number };
export const cursorParam = (c: Cursor) => `${c.at}_${c.seq}`;
