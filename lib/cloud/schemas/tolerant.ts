import { z } from "zod";

/**
 * Readers for fields the sources disagree on (cloud-api.md section 14): each accepts every shape seen
 * and hands the console one. An optional field may be omitted or sent as `null` (D2); both become undefined.
 */
export function opt<T extends z.ZodType>(schema: T) {
  // The outer `optional` keeps the key optional in the inferred type (`field?: T`).
  return schema
    .nullish()
    .transform((v): z.output<T> | undefined => v ?? undefined)
    .optional();
}

/** An optional string: absent, `null` or a string; never null afterwards. */
export const optString = () => opt(z.string());

/** A number sent as a number or as a numeric string (`"200"`, `"1024"`). */
export const num = () =>
  z.union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ]);

/** An optional number, as `num`, that may also be absent or `null`. */
export const optNum = () => opt(num());

/** A code sent as a string (`"200"`, `"IMG.0088"`) or a number (`200`): always a string afterwards. */
export const code = () => z.union([z.string(), z.number().transform(String)]);

/** An optional code, as `code`, that may also be absent or `null`. */
export const optCode = () => opt(code());

/**
 * A JSON document sent either serialized (`"{\"images\":…}"`) or as the object itself (D1): always
 * the serialized text afterwards, so readers parse one shape. Absent or `null` becomes undefined.
 */
export const optJsonText = () =>
  opt(
    z.union([
      z.string(),
      z.record(z.string(), z.unknown()).transform((o) => JSON.stringify(o)),
      z.array(z.unknown()).transform((a) => JSON.stringify(a)),
    ]),
  );

/** A list that may be omitted or `null` when empty. */
export const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v): z.output<T>[] => v ?? []);
