import "server-only";
import type { AuditActor } from "@/lib/audit/writer";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { deriveTokenKey } from "./crypto";
import { SessionStore, type StoredSession } from "./session-store";

const key = deriveTokenKey(env.AUTH_SECRET);

export async function sessionStore(): Promise<SessionStore> {
  return new SessionStore(await getDb(), key);
}

export function actorOf(s: StoredSession): AuditActor {
  return {
    userId: s.userId,
    userName: s.userName,
    accountId: s.accountId,
    accountName: s.accountName,
    projectId: s.projectId,
    projectName: s.projectName,
    region: s.region,
  };
}
