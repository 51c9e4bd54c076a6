import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { deriveTokenKey } from "./crypto";
import { SessionStore } from "./session-store";

const key = deriveTokenKey(env.AUTH_SECRET);

export async function sessionStore(): Promise<SessionStore> {
  return new SessionStore(await getDb(), key);
}
