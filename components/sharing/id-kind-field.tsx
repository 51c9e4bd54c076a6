"use client";

import { useTranslations } from "next-intl";

/** How bare 32-hex ids are read; the text cannot tell a project id from an account id. */
export type IdKind = "project" | "account";

/** The "Ids are" radio pair of the share dialog and the batch planner (form field `kind`). */
export function IdKindField({
  value,
  onChange,
  disabled,
}: {
  value: IdKind;
  onChange: (kind: IdKind) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("sharing.idKind");
  return (
    <fieldset className="flex gap-4 text-sm" disabled={disabled}>
      <legend className="mb-1 text-sm font-medium">{t("legend")}</legend>
      {(["project", "account"] as const).map((k) => (
        <label key={k} className="flex items-center gap-2">
          <input
            type="radio"
            name="kind"
            value={k}
            checked={value === k}
            onChange={() => onChange(k)}
            className="accent-[var(--primary)]"
          />
          {t(k)}
        </label>
      ))}
    </fieldset>
  );
}
