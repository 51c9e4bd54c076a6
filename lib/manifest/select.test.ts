import { describe, expect, it } from "vitest";
import { text } from "@/lib/i18n/text";
import { parseManifest } from "./parse";
import { globMatcher, laterEnd, selectImages, type SelectableImage } from "./select";

const P1 = "610be0000000000000000000000000a1";
const P2 = "1417ec000000000000000000000000a1";
const IMAGES: SelectableImage[] = [
  {
    id: "1b7f0000-0000-4000-8000-000000000001",
    name: "ubuntu-22.04-web",
    service: "ims",
    tags: ["env.prod", "team.web"],
  },
  { id: "1b7f0000-0000-4000-8000-000000000002", name: "ubuntu-24.04-web", service: "ims", tags: ["env.dev"] },
  { id: "1b7f0000-0000-4000-8000-000000000003", name: "Ubuntu-22.04-old", service: "ims", tags: [] },
  { id: "ac0e0000000000000000000000c9a001", name: "ubuntu-22.04-phone", service: "cph", tags: [] },
];
const manifest = (...lines: string[]) => parseManifest(["version: 1", ...lines].join("\n"));
const owned = (m: ReturnType<typeof manifest>) =>
  [...selectImages(m, IMAGES).owned.keys()].map((id) => IMAGES.find((i) => i.id === id)!.name);

describe("selectImages", () => {
  it("matches names by a case-sensitive glob, * for a run and ? for one character", () => {
    expect(owned(manifest("images:", "  - {name: ubuntu-22.04-*, targets: []}"))).toEqual([
      "ubuntu-22.04-web",
      "ubuntu-22.04-phone",
    ]);
    expect(owned(manifest("images:", "  - {name: ubuntu-2?.04-web, targets: []}"))).toEqual([
      "ubuntu-22.04-web",
      "ubuntu-24.04-web",
    ]);
    expect(globMatcher("a.b")("aXb")).toBe(false);
    expect(globMatcher("ubuntu")("ubuntu-22")).toBe(false);
  });

  it("matches IMS tags by key or key=value (IMS writes key.value), and filters by service", () => {
    expect(owned(manifest("images:", "  - {tag: env, targets: []}"))).toEqual(["ubuntu-22.04-web", "ubuntu-24.04-web"]);
    expect(owned(manifest("images:", "  - {tag: env=prod, targets: []}"))).toEqual(["ubuntu-22.04-web"]);
    expect(owned(manifest("images:", "  - {name: '*', service: cph, targets: []}"))).toEqual(["ubuntu-22.04-phone"]);
    expect(owned(manifest("images:", "  - {name: 'ubuntu-22*', service: ims, targets: []}"))).toEqual([
      "ubuntu-22.04-web",
    ]);
  });

  it("warns of a selector that matches no own image, saying which entry", () => {
    const selection = selectImages(
      manifest(
        "images:",
        "  - {id: 1b7f0000-0000-4000-8000-0000000000ff, targets: []}",
        "  - {tag: env=prod, service: cph, targets: []}",
      ),
      IMAGES,
    );
    expect(selection.owned.size).toBe(0);
    expect(selection.warnings).toEqual([
      text("manifest.warnings.noMatch", { index: 0, selector: "id: 1b7f0000-0000-4000-8000-0000000000ff" }),
      text("manifest.warnings.noMatch", { index: 1, selector: "tag: env=prod, service: cph" }),
    ]);
  });

  it("unites the targets of every entry that matches an image; the later end date wins, and no end date wins over any", () => {
    const m = manifest(
      "images:",
      "  - name: ubuntu-22.04-web",
      "    endsAt: 2027-01-01T00:00:00Z",
      "    targets:",
      `      - project: ${P1}`,
      `      - project: ${P2}`,
      "  - tag: env=prod",
      "    targets:",
      `      - project: ${P1}`,
      "        endsAt: 2027-06-01T00:00:00Z",
      `      - project: ${P2}`,
      "  - tag: team",
      "    targets:",
      `      - {project: ${P1}, endsAt: 2026-12-24T00:00:00Z}`,
    );
    const desired = selectImages(m, IMAGES).owned.get(IMAGES[0].id)!;
    expect([...desired.values()]).toEqual([
      { kind: "project", value: P1, memberId: P1, endsAt: Date.UTC(2027, 5, 1) },
      { kind: "project", value: P2, memberId: P2 },
    ]);
    expect(laterEnd(1, 2)).toBe(2);
    expect(laterEnd(undefined, 2)).toBeUndefined();
  });

  it("owns every own image under owns: all (with nobody wanted where no entry matches), only matched ones when listed", () => {
    const all = selectImages(manifest("owns: all", "images:", "  - {tag: env=prod, targets: []}"), IMAGES);
    expect([...all.owned.keys()]).toEqual(IMAGES.map((i) => i.id));
    expect([...all.owned.values()].every((d) => d.size === 0)).toBe(true);
    expect(owned(manifest("images:", "  - {tag: env=prod, targets: []}"))).toEqual(["ubuntu-22.04-web"]);
  });
});
