/**
 * A token form's field errors, one helper for both of its parts: `hint` is a field's `aria-describedby`
 * while it has an error, and `message` the error shown under it.
 */
export function fieldErrors(errors: Record<string, string[]>) {
  const id = (field: string) => `token-${field}-error`;
  return {
    hint: (field: string) => (errors[field] ? id(field) : undefined),
    message: (field: string) =>
      errors[field] && (
        <p id={id(field)} className="text-xs text-destructive">
          {errors[field].join(" ")}
        </p>
      ),
  };
}
