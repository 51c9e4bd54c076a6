// `npm run audit:verify [-- --account <account id>]`: recomputes the audit trail's hash chain of
// every account (or one) in DATABASE_URL and names the first broken link. Exits 1 when one is broken.
import { chainedAccounts, verifyChain } from "../lib/audit/chain";
import { inEnglish } from "../lib/i18n/english";
import { migrate, openDatabase } from "../lib/db/connect";

const url = process.env.DATABASE_URL ?? "file:data/imshare.db";
const at = process.argv.indexOf("--account");
const only = at > 0 ? process.argv[at + 1] : undefined;
const db = await openDatabase(url);
let broken = 0;
try {
  // A database from before the chain gets it first (the console does the same at start).
  await migrate(db);
  const accounts = only ? [only] : await chainedAccounts(db);
  if (accounts.length === 0) console.log("No audit events yet: nothing to verify.");
  for (const account of accounts) {
    const report = await verifyChain(db, account);
    if (report.ok) {
      console.log(`ok      account ${account}: ${report.events} events, chain intact`);
      continue;
    }
    broken++;
    const b = report.firstBreak;
    console.log(
      `BROKEN  account ${account}: event #${b?.seq} (id ${b?.id}, ${new Date(b?.occurredAt ?? 0).toISOString()}) after ${report.events - 1} good events`,
    );
    console.log(`        ${b ? inEnglish(b.problem) : ""}`);
  }
} finally {
  await db.destroy();
}
process.exit(broken ? 1 : 0);
