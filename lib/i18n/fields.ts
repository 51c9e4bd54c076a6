import type { Messages } from "@/messages";

export type FieldKey = keyof Messages["errors"]["fields"];

/**
 * A schema's sentence for a field, given as its catalogue key (`errors.fields.*`): the action wrapper
 * says it in the request's language (`localizeError`), so one schema serves every language.
 */
export const fieldKey = (key: FieldKey) => `errors.fields.${key}` as const;
