/**
 * Section 14 D2, reading B: an optional field the answer does not carry is sent as `null` instead of
 * being omitted. Fills each named key that is absent (or undefined) with null; present values stay.
 */
export function withNulls<T extends object, K extends string>(body: T, keys: readonly K[]): T & Record<K, unknown> {
  const out = { ...body } as Record<string, unknown>;
  for (const key of keys) if (out[key] === undefined) out[key] = null;
  return out as T & Record<K, unknown>;
}
