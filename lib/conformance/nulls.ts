import { notTried, readingA, readingB, type Finding } from "./rows";
import { isObject } from "./wire";

interface Source {
  answers: number;
  nulls: Set<string>;
}

/**
 * D2: which answers were looked at and where a `null` stood in for an omitted optional field.
 * `ignore` names fields documented as nullable in both readings (an image's `size`).
 */
export class NullSurvey {
  private sources = new Map<string, Source>();

  look(source: string, value: unknown, ignore: string[] = []): void {
    const s = this.sources.get(source) ?? { answers: 0, nulls: new Set<string>() };
    s.answers++;
    for (const path of nullPaths(value)) if (!ignore.includes(path.split(".").pop() ?? "")) s.nulls.add(path);
    this.sources.set(source, s);
  }

  finding(): Finding {
    if (this.sources.size === 0) return notTried("D2", "no answer to look at");
    const nulls = [...this.sources.values()].flatMap((s) => [...s.nulls]);
    const looked = [...this.sources.entries()]
      .map(([name, s]) => `${s.answers} ${name}${s.answers === 1 ? "" : "s"}`)
      .join(", ");
    if (nulls.length === 0) return readingA("D2", `no null field in ${looked}`);
    const shown = nulls.slice(0, 4).join(", ") + (nulls.length > 4 ? ` and ${nulls.length - 4} more` : "");
    return readingB("D2", `null for optional fields: ${shown} (looked at ${looked})`);
  }
}

/** Dotted paths of every `null` value; array items share one path (`images[].__backup_id`). */
export function nullPaths(value: unknown, prefix = ""): string[] {
  if (value === null) return prefix ? [prefix] : [];
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => nullPaths(v, `${prefix}[]`)))];
  if (isObject(value)) {
    return Object.entries(value).flatMap(([k, v]) => nullPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}
