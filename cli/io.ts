import { setTimeout as delay } from "node:timers/promises";

/** Where a CLI run writes. `isTTY` decides colours and whether `apply` may ask. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Everything a run touches outside itself, handed in so that tests run the real `main` with a fake
 * terminal, a fake environment and no waiting between polls.
 */
export interface Io {
  env: Record<string, string | undefined>;
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Output;
  stderr: Output;
  /** Between two reads of a batch. */
  sleep(ms: number): Promise<void>;
}

/** The process's own terminal and environment, for the `imshare` bin. */
export function processIo(): Io {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    sleep: (ms) => delay(ms),
  };
}

/**
 * The same output with the token cut out of anything written: whatever an error or the console says,
 * the token never reaches a terminal, a CI log or a file the CLI writes to standard output.
 */
export function withoutToken(io: Io, token: string): Io {
  const hide = (out: Output): Output => ({
    isTTY: out.isTTY,
    write: (text: string) => out.write(text.replaceAll(token, "imsh_…")),
  });
  return { ...io, stdout: hide(io.stdout), stderr: hide(io.stderr) };
}

/** The language the console answers in: Chinese for any zh locale of the environment, English otherwise. */
export function languageOf(env: Io["env"]): "zh-CN" | "en" {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh-CN" : "en";
}
