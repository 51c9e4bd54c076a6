import "server-only";
import { cache } from "react";
import { requireSession } from "@/lib/auth/session";
import type { StoredSession } from "@/lib/auth/session-store";
import { listAuthProjects } from "@/lib/cloud/iam";
import { listImages } from "@/lib/cloud/ims";
import { getDb } from "@/lib/db";
import { namesFor, type Names } from "./lookup";

/** The names of a session's account: its projects as IAM lists them, the account, the address book. */
export async function namesOfSession(session: StoredSession): Promise<Names> {
  const projects = await listAuthProjects(session.token, session.region).catch(() => []);
  const current = { id: session.projectId, name: session.projectName };
  return namesFor(await getDb(), session, projects.length ? projects : [current]);
}

/** The same, read once per request however many server components ask (layout, page). */
export const requestNames = cache(async (): Promise<Names> => namesOfSession(await requireSession()));

/** The ids of the session's project's own images of that name (IMS), for History's image filter. */
export async function imagesNamed(session: StoredSession, name: string): Promise<string[]> {
  const scope = { token: session.token, region: session.region, projectId: session.projectId };
  const images = await listImages(scope, { owner: session.projectId, name, limit: 100 });
  return images.map((i) => i.id);
}
