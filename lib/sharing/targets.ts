import type { Member } from "@/lib/cloud/schemas/ims";
import { text, type Text } from "@/lib/i18n/text";
import { HEX32, ORG_URN, UUID } from "@/lib/ids";

/** What a share can point at: projects and accounts are 32-hex ids, organizations are URNs. */
export type TargetKind = "project" | "account" | "organization";

export interface Target {
  kind: TargetKind;
  /** As the batch API takes it: a project id, an account id, or an Organizations URN. */
  value: string;
  /** The member id IMS records for it (the OU or organization id for a URN). */
  memberId: string;
}

/**
 * The body of a batch add or delete (`POST`/`DELETE /v1/cloudimages/members`) for these targets: the one
 * builder every caller uses. `domains` and `organizations` are left out when empty, since some regions
 * answer an empty (or unknown) array with 400 `IMG.0001` (cloud-api.md section 14, D5).
 */
export function batchBody(images: string[], targets: Pick<Target, "kind" | "value">[]) {
  const of = (kind: TargetKind) => [...new Set(targets.filter((t) => t.kind === kind).map((t) => t.value))];
  const domains = of("account");
  const organizations = of("organization");
  return {
    images,
    projects: of("project"),
    ...(domains.length ? { domains } : {}),
    ...(organizations.length ? { organizations } : {}),
  };
}

/** An IMS member as the target a batch delete names: accounts by id, organizations by their URN (none without one). */
export function memberTarget(m: Pick<Member, "member_type" | "member_id" | "urn">): Pick<Target, "kind" | "value">[] {
  if (m.member_type === "organization") return m.urn ? [{ kind: "organization", value: m.urn }] : [];
  return [{ kind: m.member_type === "domain" ? "account" : "project", value: m.member_id }];
}

export type ParsedTarget = { ok: true; target: Target } | { ok: false; input: string; reason: Text };

/** Largest number of targets one share takes (the cloud's console caps an action at 100). */
export const MAX_TARGETS = 100;

/**
 * Splits pasted text (spaces, commas, semicolons, new lines) into targets. Ids are taken as
 * `idKind` (project or account, which the text cannot tell apart); URNs are organizations.
 * Duplicates are dropped; ids are lower-cased, as IAM writes them.
 */
export function parseTargets(text: string, idKind: "project" | "account"): ParsedTarget[] {
  const seen = new Set<string>();
  const out: ParsedTarget[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const input = raw.trim();
    if (!input) continue;
    const lower = input.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    if (HEX32.test(lower)) {
      out.push({ ok: true, target: { kind: idKind, value: lower, memberId: lower } });
      continue;
    }
    const urn = ORG_URN.exec(input);
    if (urn) {
      out.push({ ok: true, target: { kind: "organization", value: input, memberId: urn[1] ?? urn[2] } });
      continue;
    }
    out.push({ ok: false, input, reason: describeBadInput(input, idKind) });
  }
  return out;
}

function describeBadInput(input: string, idKind: "project" | "account"): Text {
  if (UUID.test(input)) return text("sharing.badTarget.imageId");
  if (input.startsWith("organizations::"))
    return text("sharing.badTarget.urn", { format: "organizations::<account>:ou:o-…/ou-…" });
  if (input.length > 64) return text("sharing.badTarget.tooLong");
  return text("sharing.badTarget.notAnId", { kind: idKind });
}
