import "server-only";
import { Document, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import { getDb } from "@/lib/db";
import { inEnglish } from "@/lib/i18n/english";
import { text, type Text } from "@/lib/i18n/text";
import { activeLeases } from "@/lib/sharing/leases";
import { listOwnImages, withMembers } from "./own";
import type { WorldImage, WorldMember } from "./types";
import type { ManifestContext } from "./world";

const KIND_ORDER = { project: 0, account: 1, organization: 2 } as const;

/** An ISO time without zero milliseconds, as people write them. */
const isoOf = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** Text for a YAML comment: one line, whatever the cloud put in an image's name. */
const oneLine = (s: string) => ` ${s.replace(/[\p{Cc}\u2028\u2029]+/gu, " ")}`;

interface Entry {
  image: WorldImage;
  targets: Record<string, string>[];
  leftOut: WorldMember[];
}

function entryOf(image: WorldImage, ends: Map<string, number>): Entry {
  const members = [...(image.members ?? [])].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.value ?? a.memberId).localeCompare(b.value ?? b.memberId),
  );
  const targets: Record<string, string>[] = [];
  const leftOut: WorldMember[] = [];
  for (const m of members) {
    if (m.value === undefined) {
      leftOut.push(m);
      continue;
    }
    const endsAt = ends.get(`${image.facts.id} ${m.memberId}`);
    targets.push({ [m.kind]: m.value, ...(endsAt !== undefined && { endsAt: isoOf(endsAt) }) });
  }
  return { image, targets, leftOut };
}

/**
 * The project's sharing as it is now, as a manifest: one entry per own image with members (by id, its
 * name in a comment), its members as targets with their end dates, in a stable order (image name, then
 * target) so that two exports diff cleanly. Planned against the same cloud it changes nothing. A member
 * the format cannot name (an organization IMS gave no URN for) is said in a comment, in `say`'s language.
 */
export async function exportManifest(ctx: ManifestContext & { say?: (sentence: Text) => string }): Promise<string> {
  const { scope } = ctx;
  const say = ctx.say ?? inEnglish;
  const [listed, db] = await Promise.all([listOwnImages(scope), getDb()]);
  const [images, leases] = await Promise.all([
    withMembers(scope, listed, new Set(listed.map((i) => i.facts.id))),
    activeLeases(db, scope.projectId),
  ]);
  const ends = new Map(leases.map((l) => [`${l.image_id} ${l.member_id}`, Number(l.ends_at)]));
  const entries = images
    .filter((i) => (i.members?.length ?? 0) > 0)
    .sort((a, b) => a.facts.name.localeCompare(b.facts.name) || a.facts.id.localeCompare(b.facts.id))
    .map((i) => entryOf(i, ends));

  const doc = new Document({
    version: 1,
    region: scope.region,
    project: scope.projectId,
    owns: "listed",
    images: entries.map((e) => ({ id: e.image.facts.id, targets: e.targets })),
  });
  const seq = doc.get("images") as YAMLSeq<YAMLMap<Scalar, unknown>>;
  entries.forEach((e, k) => {
    const map = seq.items[k];
    (map.get("id", true) as Scalar).comment = oneLine(e.image.facts.name);
    if (e.leftOut.length === 0) return;
    const key = map.items.find((p) => p.key.value === "targets")!.key;
    key.commentBefore = e.leftOut
      .map((m) => oneLine(say(text("manifest.export.noUrn", { member: m.memberId }))))
      .join("\n");
  });
  return doc.toString({ lineWidth: 0 });
}
