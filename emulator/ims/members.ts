import type { Hono } from "hono";
import type { Emu, EmuEnv } from "../core/context";

export function registerImsMembers(_app: Hono<EmuEnv>, _emu: Emu): void {}
