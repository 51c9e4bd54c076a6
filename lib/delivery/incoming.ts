import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import { text } from "@/lib/i18n/text";
import { mapPool } from "@/lib/sharing/pool";
import { listSharedImages, showOwnMembership } from "@/lib/sharing/recipient";
import { enqueue, hasChannels, markOnce, readSettings } from "@/lib/notify/store";

/** The part of the session store the watcher reads: the projects signed in, and a token for each. */
export interface WatchSessions {
  activeProjects(opts: {
    now?: number;
  }): Promise<{ accountId: string; projectId: string; projectName: string; region: string }[]>;
  latestInProject(
    accountId: string,
    projectId: string,
    opts: { now?: number },
  ): Promise<{ token: string; accountName: string; userName: string } | undefined>;
}

/**
 * Announces incoming shares that wait (`incoming.waiting`): for each project someone is signed in to,
 * the IMS images shared with it whose membership is pending for longer than its account's setting,
 * once per share (a mark, written with the notice). A project nobody is signed in to is not asked:
 * the console has no token for it.
 */
export async function watchIncoming(db: Kysely<Database>, sessions: WatchSessions, now = Date.now()): Promise<number> {
  let announced = 0;
  for (const p of await sessions.activeProjects({ now })) {
    const { settings } = await readSettings(db, p.accountId);
    // Nothing to tell, or nobody to tell it to: the cloud is not asked, and nothing is marked told.
    if (!settings.events["incoming.waiting"] || !(await hasChannels(db, p.accountId))) continue;
    const session = await sessions.latestInProject(p.accountId, p.projectId, { now });
    if (!session) continue;
    const scope = { token: session.token, region: p.region, projectId: p.projectId };
    const { images } = await listSharedImages(scope, "pending");
    const waiting = (
      await mapPool(images.slice(0, 200), 10, async (image) => {
        const membership = await showOwnMembership(scope, image.id).catch(() => null);
        const since = Date.parse(membership?.created_at ?? image.created_at ?? "");
        return Number.isFinite(since) && now - since >= settings.incomingWaitHours * 3_600_000
          ? [{ image, since }]
          : [];
      })
    ).flat();
    if (waiting.length === 0) continue;
    announced += await db.transaction().execute(async (tx) => {
      const fresh = [];
      for (const w of waiting)
        if (await markOnce(tx, `incoming:${p.projectId}:${w.image.id}:${w.since}`, now)) fresh.push(w);
      if (fresh.length === 0) return 0;
      const oldest = Math.min(...fresh.map((w) => w.since));
      await enqueue(tx, {
        type: "incoming.waiting",
        accountId: p.accountId,
        accountName: session.accountName,
        project: { id: p.projectId, name: p.projectName, region: p.region },
        title: text("notify.events.incomingWaiting.title"),
        text: text("notify.events.incomingWaiting.text", {
          count: fresh.length,
          project: p.projectName,
          waited: now - oldest,
          images: fresh.map((w) => w.image.name).join(", "),
        }),
        link: "/incoming",
        data: {
          images: fresh.map((w) => ({
            id: w.image.id,
            name: w.image.name,
            owner: w.image.owner,
            since: new Date(w.since).toISOString(),
          })),
        },
        occurredAt: now,
      });
      return fresh.length;
    });
  }
  return announced;
}
