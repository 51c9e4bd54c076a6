import { readFileSync } from "node:fs";
import { ApiError, createClient, UnreachableError } from "./api";
import { applyCommand } from "./apply";
import { readArgs, USAGE, UsageError, type Command } from "./args";
import { driftCommand, exportCommand, planCommand, whoamiCommand } from "./commands";
import { languageOf, withoutToken, type Io } from "./io";
import { paint } from "./render";
import { CliError, type Run } from "./run";

export { processIo } from "./io";

const DEFAULT_URL = "http://localhost:3000";
const COMMANDS: Record<Command, (run: Run) => Promise<number>> = {
  plan: planCommand,
  apply: applyCommand,
  export: exportCommand,
  drift: driftCommand,
  whoami: whoamiCommand,
};

/**
 * The `imshare` command: reads the command line and the environment, runs one command against the
 * console's HTTP API and returns the exit code. Every failure ends here as one sentence and a hint.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = readArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`imshare: ${e.message}\nRun "imshare --help" for the commands and their options.\n`);
    return 1;
  }
  if (args === "help" || args === "version") {
    io.stdout.write(args === "help" ? USAGE : `imshare ${version()}\n`);
    return 0;
  }
  const url = args.url ?? io.env.IMSHARE_URL ?? DEFAULT_URL;
  const token = args.token ?? io.env.IMSHARE_TOKEN;
  if (!token) {
    io.stderr.write(
      `imshare: no API token. Create one in the console (${url}): Settings → API tokens,\n` +
        `then set IMSHARE_TOKEN or pass --token.\n`,
    );
    return 1;
  }
  const safe = withoutToken(io, token);
  // A header cannot carry other characters, and fetch would quote the whole value in its refusal.
  if (!/^[\x21-\x7e]+$/.test(token)) {
    safe.stderr.write("imshare: that token holds characters no token has: copy it again from Settings → API tokens.\n");
    return 1;
  }
  if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url)) {
    safe.stderr.write(`imshare: "${url}" is not the console's http:// or https:// address (--url, IMSHARE_URL).\n`);
    return 1;
  }
  const run: Run = {
    args,
    io: safe,
    client: createClient({ url, token, language: languageOf(io.env) }),
    paint: paint(Boolean(io.stdout.isTTY) && !io.env.NO_COLOR),
  };
  try {
    return await COMMANDS[args.command](run);
  } catch (e) {
    safe.stderr.write(explain(e, run.client.url));
    return 1;
  }
}

/** The error's sentence, and what to do about it, for the statuses a user can act on. */
function explain(e: unknown, url: string): string {
  if (e instanceof CliError) return `Error: ${e.message}\n`;
  if (e instanceof UnreachableError)
    return (
      `Error: the console is not reachable at ${url} (${e.detail}).\n` +
      `  Is \`npm start\` running? Point --url or IMSHARE_URL at the console if it runs elsewhere.\n`
    );
  if (!(e instanceof ApiError)) throw e;
  const fields = Object.entries(e.fieldErrors).flatMap(([field, sentences]) =>
    sentences.map((sentence) => `  ${field}: ${sentence}\n`),
  );
  return `Error: ${e.message}\n${fields.join("")}${hintOf(e, url)}`;
}

function hintOf(e: ApiError, url: string): string {
  if (e.status === 401 && e.code === "session_expired")
    return `  A token acts through its user's console session: sign in to the console again (${url}).\n`;
  if (e.status === 401) return `  Create a token in the console (${url}): Settings → API tokens.\n`;
  if (e.status === 403)
    return "  plan, export, drift and whoami only read; apply needs a write token of a user who may change sharing.\n";
  if (e.status === 409) return "  Run the command again: it plans afresh from the cloud as it is now.\n";
  if (e.code === "not_the_api") return `  Is ${url} an Imshare console with the HTTP API (/api/v1)?\n`;
  return "";
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}
