// `npm run conformance`: tells which reading of each disputed behaviour (cloud-api.md section 14,
// D1 to D8) a real Huawei Cloud account plays. Variables and output: README "Which reading does your
// cloud play?". Reads `.env.local` and `.env` as the console does; the environment wins.
import { existsSync } from "node:fs";
import { main } from "../lib/conformance/cli";

for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);
const code = await main(process.env, { out: (line) => console.log(line), err: (line) => console.error(line) });
process.exit(code);
