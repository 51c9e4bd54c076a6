import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Client } from "./api";
import type { Args } from "./args";
import type { Io } from "./io";
import type { Paint } from "./render";

/** What every command gets: its options, the terminal, the API client and the colours. */
export interface Run {
  args: Args;
  io: Io;
  client: Client;
  paint: Paint;
}

/** A failure the CLI explains itself (a file it cannot read or will not overwrite). */
export class CliError extends Error {}

/** The manifest's text, sent to the console as it is: the console parses and checks it, once, for everyone. */
export async function readManifest(run: Run): Promise<string> {
  const file = run.args.file ?? "";
  try {
    return await readFile(resolve(run.io.cwd, file), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === "ENOENT" ? `${file}: no such file.` : `Cannot read ${file} (${code ?? String(e)}).`);
  }
}

/** Writes a line (or several) to standard output. */
export function say(run: Run, text: string): void {
  run.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}
