import { parseArgs } from "node:util";

export const USAGE = `imshare: sharing as code for the Imshare console (Huawei Cloud IMS and CPH images)

Usage: imshare <command> [options]

Commands:
  plan -f sharing.yaml       what applying the file would change, pair by pair
  apply -f sharing.yaml      plan, confirm, launch the changes as batches and follow them
  export [-o sharing.yaml]   the project's sharing today, as a manifest
  drift -f sharing.yaml      what differs from the file (exit 2 when something does)
  whoami                     the user, project and token the console sees

Options:
  -f, --file <path>          the manifest
  -o, --output <path>        export: write to this file instead of standard output
      --force                export: overwrite the file
  -y, --yes                  apply: do not ask before applying
      --no-wait              apply: return once launched, without following the batches
      --reason <text>        apply: why, when the sharing policy asks for a reason
  -v, --verbose              plan, apply, drift: list unchanged pairs and image ids too
      --detailed-exitcode    plan: exit 2 when there are changes to make
      --json                 plan, drift, whoami: print the API's JSON answer
      --url <url>            the console (IMSHARE_URL; default http://localhost:3000)
      --token <token>        an API token (IMSHARE_TOKEN): Settings → API tokens in the console
  -h, --help                 this text
  -V, --version              the CLI's version

Exit codes: 0 done or nothing to do; 1 error, or a pair of apply failed;
2 changes to make (plan --detailed-exitcode) or drift found.
`;

const OPTIONS = {
  file: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  force: { type: "boolean" },
  yes: { type: "boolean", short: "y" },
  "no-wait": { type: "boolean" },
  reason: { type: "string" },
  verbose: { type: "boolean", short: "v" },
  "detailed-exitcode": { type: "boolean" },
  json: { type: "boolean" },
  url: { type: "string" },
  token: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
} as const;

type OptionName = keyof typeof OPTIONS;
export type Command = "plan" | "apply" | "export" | "drift" | "whoami";

const COMMON: OptionName[] = ["url", "token", "help", "version"];
const ALLOWED: Record<Command, OptionName[]> = {
  plan: ["file", "verbose", "detailed-exitcode", "json"],
  apply: ["file", "verbose", "yes", "no-wait", "reason"],
  export: ["output", "force"],
  drift: ["file", "verbose", "json"],
  whoami: ["json"],
};

export interface Args {
  command: Command;
  file?: string;
  output?: string;
  force: boolean;
  yes: boolean;
  wait: boolean;
  reason?: string;
  verbose: boolean;
  detailedExitcode: boolean;
  json: boolean;
  url?: string;
  token?: string;
}

/** A command line the CLI cannot run; the sentence says what to type instead. */
export class UsageError extends Error {}

/**
 * Reads the command line with node's own parser, then refuses options that mean nothing to the command
 * (`export --yes` is a mistake worth saying, not ignoring) and a missing manifest. `--help` and
 * `--version` win over everything else.
 */
export function readArgs(argv: string[]): Args | "help" | "version" {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split(". ")[0] : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (values.version) return "version";
  const [name, ...extra] = positionals;
  if (name === undefined) throw new UsageError("No command given.");
  if (!Object.hasOwn(ALLOWED, name)) throw new UsageError(`Unknown command "${name}".`);
  const command = name as Command;
  // A token pasted where an option was meant is not echoed back.
  const shown = extra[0]?.startsWith("imsh_") ? "imsh_…" : extra[0];
  if (extra.length > 0) throw new UsageError(`${command} takes no argument "${shown}".`);
  const given = (Object.keys(values) as OptionName[]).filter((o) => !COMMON.includes(o));
  const stray = given.find((o) => !ALLOWED[command].includes(o));
  if (stray) throw new UsageError(`--${stray} means nothing to ${command}.`);
  if (ALLOWED[command].includes("file") && !values.file)
    throw new UsageError(`${command} needs a manifest: imshare ${command} -f sharing.yaml`);
  return {
    command,
    file: values.file,
    output: values.output,
    force: values.force ?? false,
    yes: values.yes ?? false,
    wait: !values["no-wait"],
    reason: values.reason,
    verbose: values.verbose ?? false,
    detailedExitcode: values["detailed-exitcode"] ?? false,
    json: values.json ?? false,
    url: values.url,
    token: values.token,
  };
}
