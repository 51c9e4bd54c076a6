import { readdirSync, readFileSync } from "node:fs";
import type { MESSAGES as Catalogues } from "./index";

/**
 * The catalogues for code that Node runs itself: the end-to-end specs, which write batches through
 * `lib/batches/store` (its reasons are stored in English too). Node imports JSON only with an import
 * attribute, and the attribute makes Next's build take next-intl's precompiled catalogue for JSON and
 * fail, so `index.ts` has none and the specs read the same files here (`tsconfig.e2e.json` maps
 * `@/messages` to this file).
 */
const read = (locale: string) =>
  Object.fromEntries(
    readdirSync(new URL(`./${locale}/`, import.meta.url))
      .filter((file) => file.endsWith(".json"))
      .map((file) => [
        file.slice(0, -".json".length),
        JSON.parse(readFileSync(new URL(`./${locale}/${file}`, import.meta.url), "utf8")),
      ]),
  );

export const MESSAGES = { en: read("en"), "zh-CN": read("zh-CN") } as typeof Catalogues;
