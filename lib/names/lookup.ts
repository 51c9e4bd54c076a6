import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import { listNames } from "./store";

/** Target id → the name the console shows for it. */
export type Names = Record<string, string>;

/**
 * Every name the console knows for the signed-in user's account, read once per request: its own
 * projects (IAM names them), the account itself, then the address book, whose names win.
 */
export async function namesFor(
  db: Kysely<Database>,
  account: { accountId: string; accountName: string },
  projects: { id: string; name: string }[],
): Promise<Names> {
  const names: Names = { [account.accountId]: `${account.accountName} (your account)` };
  for (const p of projects) names[p.id] = p.name;
  for (const n of await listNames(db, account.accountId)) names[n.id] = n.name;
  return names;
}

/**
 * The ids a typed name stands for: those named exactly so (ignoring case), else those whose name
 * holds the text. Empty when no name matches.
 */
export function idsNamed(names: Names, text: string): string[] {
  const t = text.trim().toLowerCase();
  if (!t) return [];
  const entries = Object.entries(names);
  const exact = entries.filter(([, n]) => n.toLowerCase() === t);
  return (exact.length ? exact : entries.filter(([, n]) => n.toLowerCase().includes(t))).map(([id]) => id);
}
