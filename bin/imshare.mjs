#!/usr/bin/env node
// The `imshare` command. The CLI is TypeScript in cli/, type-checked with the console; tsx runs it as is.
import { register } from "tsx/esm/api";

register();
const { main, processIo } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2), processIo());
