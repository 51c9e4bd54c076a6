import { z } from "zod";
import { fieldKey } from "@/lib/i18n/fields";
import { APPROVAL_KINDS, POLICY_MODES, OTHERWISE, policySchema } from "./policy";

/** A textarea of entries, one per line (commas and spaces separate too), blanks dropped, each once. */
const lines = z
  .string()
  .max(50_000, { error: fieldKey("tooMuchText") })
  .transform((s) => [
    ...new Set(
      s
        .split(/[\s,;]+/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ]);
/** A checkbox. */
const flag = z.preprocess((v) => v === true || v === "on" || v === "1" || v === "true", z.boolean());
/** Checkboxes of one name: none, one, or several. */
const kinds = z.preprocess((v) => (v === undefined || v === "" ? [] : [v].flat()), z.array(z.enum(APPROVAL_KINDS)));
/** A whole number, or empty for none. */
const optionalCount = z.preprocess(
  (v) => (v === undefined || v === "" ? null : Number(v)),
  z.number({ error: fieldKey("policyCount") }).nullable(),
);

/**
 * The Settings page's policy form as the action gets it (FormData), read into a `SharingPolicy`. The
 * allowlist takes ids in any case (IAM writes them lower-case).
 */
export const policyFormSchema = z
  .object({
    mode: z.enum(POLICY_MODES),
    allowOwnProjects: flag,
    allowOrganization: flag,
    allowlist: lines.transform((l) => l.map((e) => (e.startsWith("organizations::") ? e : e.toLowerCase()))),
    otherwise: z.enum(OTHERWISE),
    lockedNames: lines,
    lockedTags: lines,
    approvalKinds: kinds,
    approvalBatchOver: optionalCount,
    approvalHours: z.preprocess((v) => Number(v), z.number({ error: fieldKey("policyCount") })),
  })
  .pipe(policySchema);
