import type { Hono } from "hono";
import type { Emu, EmuEnv } from "../core/context";
import type { JobRunner } from "./jobs";

export function registerImsBatch(_app: Hono<EmuEnv>, _emu: Emu, _runner: JobRunner): void {}
