import type { StoredSession } from "@/lib/auth/session-store";
import type { Scope } from "@/lib/cloud/ims";
import type { AuditOutcome } from "@/lib/db/types";
import type { Expect } from "./members";
import type { ImageService, Pair, PairOutcome } from "./pairs";

/**
 * What a member change needs of whoever runs it: the signed-in user and their scope, a note for the
 * audit trail, and an intent recorded before the first cloud call. The action wrapper's context
 * (`lib/actions/action.ts`) is one.
 */
export interface ChangeContext {
  session: StoredSession;
  scope: Scope;
  note(details: {
    requestId?: string;
    jobId?: string;
    images?: string[];
    targets?: string[];
    pairs?: PairOutcome[];
    outcome?: AuditOutcome;
    /** The sharing policy's verdicts, the risks and the reason given, kept beside the input. */
    detail?: Record<string, unknown>;
  }): void;
  intent(plan: { service: ImageService; expect: Expect; pairs: Pair[] }): Promise<void>;
}
