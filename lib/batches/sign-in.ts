import type { Kysely } from "kysely";
import type { BatchesTable, Database } from "@/lib/db/types";
import { text } from "@/lib/i18n/text";
import { announceBatchChange } from "./events";
import { bumpVersion } from "./pair-store";
import type { TrackerSettings } from "./step";
import type { BatchPrincipal, ScopedToken, TokenSource } from "./tokens";

const principal = (batch: BatchesTable): BatchPrincipal => ({
  userId: batch.user_id,
  accountId: batch.account_id,
  projectId: batch.project_id,
  region: batch.region,
  apiTokenId: batch.api_token_id,
});

/**
 * The launcher's token for each running batch: kept while it stays valid, so a step does not read
 * and decrypt a session every tick. A batch whose launcher has no valid token waits for a sign-in
 * and resumes with the first one.
 */
export class BatchTokens {
  private readonly kept = new Map<string, ScopedToken>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly tokens: TokenSource,
    private readonly o: Pick<TrackerSettings, "now" | "log">,
    /** Leaves a batch alone until then. */
    private readonly pauseUntil: (batchId: string, time: number) => void,
  ) {}

  /** The token to step the batch with; undefined when there is none (the batch waits, the step stops). */
  async forBatch(batch: BatchesTable): Promise<ScopedToken | undefined> {
    const id = batch.id;
    let token = batch.status === "running" ? this.kept.get(id) : undefined;
    if (!token || token.expiresAt <= this.o.now() + 60_000) {
      try {
        token = await this.tokens.tokenFor(principal(batch), batch.waiting_since);
      } catch (e) {
        this.o.log(`batch ${id}: could not get a token (${(e as Error).message}); trying again shortly`);
        this.pauseUntil(id, this.o.now() + 2_000);
        return undefined;
      }
      if (!token) {
        await this.waitForSignIn(batch);
        return undefined;
      }
      this.kept.set(id, token);
    }
    if (batch.status === "waiting_for_sign_in") {
      await bumpVersion(this.db, id, this.o.now(), { status: "running", status_message: null, waiting_since: null });
      announceBatchChange(id);
    }
    return token;
  }

  /** The cloud refused the token (401): never this one again; the next step tries the user's other sessions. */
  refused(batchId: string, token: ScopedToken): void {
    this.tokens.refused(token.token);
    this.kept.delete(batchId);
  }

  /** The batch ended. */
  forget(batchId: string): void {
    this.kept.delete(batchId);
  }

  private async waitForSignIn(batch: BatchesTable, since = batch.waiting_since ?? this.o.now()): Promise<void> {
    this.pauseUntil(batch.id, this.o.now() + 1_000);
    const project = batch.project_name;
    // IAM would not re-scope the user's other sessions to this project (D7): name the project to sign in to.
    const message = this.tokens.rescopeRefused?.(principal(batch))
      ? text("batches.statusReason.waitingForProject", { user: batch.user_name, project })
      : text("batches.statusReason.waitingForSignIn", { user: batch.user_name });
    if (
      batch.status === "waiting_for_sign_in" &&
      batch.waiting_since === since &&
      batch.status_text === JSON.stringify(message)
    )
      return;
    await bumpVersion(this.db, batch.id, this.o.now(), {
      status: "waiting_for_sign_in",
      waiting_since: since,
      status_message: message,
    });
    announceBatchChange(batch.id);
  }
}
