import { text, type Text } from "@/lib/i18n/text";
import { tagMatches } from "@/lib/policy/policy";
import type { ImageService } from "@/lib/sharing/pairs";
import type { Manifest, ManifestEntry, ManifestTarget } from "./schema";

/**
 * Which of the project's own images a manifest speaks for, and who it says should have each: the
 * entries' selectors resolved against the images, targets united, end dates settled. Pure.
 */

/** What selectors read of an own image. */
export interface SelectableImage {
  id: string;
  name: string;
  service: ImageService;
  /** IMS writes `key.value`; phone images have none. */
  tags: readonly string[];
}

/** Who should have an image: targets by member id (what IMS records), each with its end date if any. */
export type Desired = Map<string, ManifestTarget>;

export interface Selection {
  /** Every own image the manifest owns (matched by an entry, or every one under `owns: all`), in the images' order. */
  owned: Map<string, Desired>;
  warnings: Text[];
}

/** A case-sensitive glob on the whole name: `*` any run of characters, `?` one. */
export function globMatcher(pattern: string): (name: string) => boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replaceAll("*", ".*")
      .replaceAll("?", ".")}$`,
    "s",
  );
  return (name) => re.test(name);
}

function matcherOf(entry: ManifestEntry): (image: SelectableImage) => boolean {
  const service = (image: SelectableImage) => !entry.service || image.service === entry.service;
  if (entry.id !== undefined) return (image) => image.id === entry.id;
  if (entry.name !== undefined) {
    const glob = globMatcher(entry.name);
    return (image) => service(image) && glob(image.name);
  }
  const tag = entry.tag!;
  return (image) => service(image) && image.service === "ims" && tagMatches(tag, image.tags);
}

/** The entry's selector as the file writes it, for a warning. */
function selectorText(entry: ManifestEntry): string {
  const by =
    entry.id !== undefined ? `id: ${entry.id}` : entry.name !== undefined ? `name: ${entry.name}` : `tag: ${entry.tag}`;
  return entry.service ? `${by}, service: ${entry.service}` : by;
}

/** A pair given two end dates keeps the later; no end date wins over any date. */
export function laterEnd(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : Math.max(a, b);
}

function unite(desired: Desired, entry: ManifestEntry): void {
  for (const target of entry.targets) {
    const endsAt = target.endsAt ?? entry.endsAt;
    const had = desired.get(target.memberId);
    const end = had ? laterEnd(had.endsAt, endsAt) : endsAt;
    const { endsAt: _given, ...rest } = had ?? target;
    desired.set(target.memberId, end === undefined ? rest : { ...rest, endsAt: end });
  }
}

/**
 * Resolves every entry against the own images: an image matched by several entries gets the union of
 * their targets; an entry that matches nothing is a warning, not an error (an image may be gone).
 */
export function selectImages(manifest: Manifest, images: readonly SelectableImage[]): Selection {
  const owned = new Map<string, Desired>();
  if (manifest.owns === "all") for (const image of images) owned.set(image.id, new Map());
  const warnings: Text[] = [];
  manifest.images.forEach((entry, index) => {
    const matches = matcherOf(entry);
    let any = false;
    for (const image of images) {
      if (!matches(image)) continue;
      any = true;
      let desired = owned.get(image.id);
      if (!desired) owned.set(image.id, (desired = new Map()));
      unite(desired, entry);
    }
    if (!any) warnings.push(text("manifest.warnings.noMatch", { index, selector: selectorText(entry) }));
  });
  const order = new Map(images.map((image, i) => [image.id, i]));
  const sorted = new Map([...owned].sort(([a], [b]) => order.get(a)! - order.get(b)!));
  return { owned: sorted, warnings };
}
