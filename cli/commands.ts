import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { DriftResult, ManifestPlan, Me } from "./api";
import { hasChanges, meText, pairLines, planText } from "./render";
import { CliError, readManifest, say, type Run } from "./run";

/** `plan`: what applying the file would change. Exit 2 only with --detailed-exitcode, as terraform does. */
export async function planCommand(run: Run): Promise<number> {
  const plan = await run.client.post<ManifestPlan>("/api/v1/manifest/plan", { manifest: await readManifest(run) });
  say(run, run.args.json ? JSON.stringify(plan, null, 2) : planText(plan, run.paint, run.args.verbose));
  return run.args.detailedExitcode && hasChanges(plan) ? 2 : 0;
}

/** `drift`: what in the cloud differs from the file; exit 2 when anything does, so CI can gate on it. */
export async function driftCommand(run: Run): Promise<number> {
  const result = await run.client.post<DriftResult>("/api/v1/manifest/drift", { manifest: await readManifest(run) });
  const file = run.args.file;
  if (run.args.json) say(run, JSON.stringify(result, null, 2));
  else if (result.drift.length === 0) say(run, `No drift: the cloud matches ${file} (checked at ${result.checkedAt}).`);
  else {
    const lines = pairLines(result.drift, run.paint, { keeps: false, ids: run.args.verbose });
    const count = result.drift.length;
    const summary = `Drift: ${count} ${count === 1 ? "pair differs" : "pairs differ"} from ${file} (checked at ${result.checkedAt}).`;
    say(run, [...lines, "", run.paint.bold(summary)].join("\n"));
  }
  return result.drift.length > 0 ? 2 : 0;
}

/**
 * `export`: the project's sharing as a manifest, on standard output or in a file. An existing file is
 * left alone without --force: it is likely the hand-edited manifest the export was meant to start.
 */
export async function exportCommand(run: Run): Promise<number> {
  const { yaml } = await run.client.get<{ yaml: string }>("/api/v1/manifest/export");
  const output = run.args.output;
  if (!output) {
    run.io.stdout.write(yaml);
    return 0;
  }
  try {
    await writeFile(resolve(run.io.cwd, output), yaml, { flag: run.args.force ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new CliError(`${output} exists: pass --force to overwrite it.`);
    throw new CliError(`Cannot write ${output} (${code ?? String(e)}).`);
  }
  run.io.stderr.write(`Wrote ${output}.\n`);
  return 0;
}

/** `whoami`: the user, project and token the console takes this token for. */
export async function whoamiCommand(run: Run): Promise<number> {
  const me = await run.client.get<Me>("/api/v1/me");
  say(run, run.args.json ? JSON.stringify(me, null, 2) : meText(me));
  return 0;
}
