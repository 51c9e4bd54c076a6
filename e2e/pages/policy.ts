import { NO_POLICY } from "@/lib/policy/policy";
import { DEMO } from "../../emulator/seed/demo";

/**
 * acme's policy written straight into a console's SQLite database, as the Settings page would:
 * globex's and initech's projects allowed, anything else for another admin's approval.
 */
export async function enforceAllowlist(databaseFile: string) {
  const { default: SQLite } = await import("better-sqlite3");
  const db = new SQLite(databaseFile, { fileMustExist: true });
  try {
    db.prepare("insert into sharing_policies values (?, ?, 'e2e', ?)").run(
      DEMO.acme,
      JSON.stringify({
        ...NO_POLICY,
        mode: "enforce",
        allowlist: [DEMO.globexAp, DEMO.initechAp],
        otherwise: "approve",
      }),
      Date.now(),
    );
  } finally {
    db.close();
  }
}
