// `npm run db:migrate`: applies pending migrations to DATABASE_URL (the console also does this at start).
import { migrate, openDatabase } from "../lib/db/connect";

const url = process.env.DATABASE_URL ?? "file:data/imshare.db";
const db = await openDatabase(url);
try {
  await migrate(db);
  console.log(`Migrations applied to ${url.replace(/\/\/[^@]*@/, "//…@")}`);
} finally {
  await db.destroy();
}
