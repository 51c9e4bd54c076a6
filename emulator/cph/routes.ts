import type { Hono } from "hono";
import type { Emu, EmuEnv } from "../core/context";
import { registerCphImages } from "./images";
import { registerCphMembers } from "./members";

/** CPH (Cloud Phone Host) image sharing, reference section 9.1 to 9.8. */
export function registerCph(app: Hono<EmuEnv>, emu: Emu): void {
  registerCphMembers(app, emu);
  registerCphImages(app, emu);
}
