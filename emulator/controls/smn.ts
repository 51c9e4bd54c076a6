import type { Hono } from "hono";
import type { Emu, EmuEnv } from "../core/context";

/**
 * What SMN accepted, so that tests and demos can see a notification without a mailbox:
 * `GET /__emulator/smn/messages[?topic_urn=]` (oldest first, newest last) and `DELETE` to forget them.
 */
export function registerSmnControls(app: Hono<EmuEnv>, emu: Emu, base: string): void {
  app.get(`${base}/smn/messages`, (c) => {
    const urn = c.req.query("topic_urn") || undefined;
    const messages = emu.world.smnMessages.filter((m) => urn === undefined || m.topic_urn === urn);
    return c.json({ messages });
  });
  app.delete(`${base}/smn/messages`, (c) => {
    emu.world.smnMessages.length = 0;
    emu.changed();
    return c.body(null, 204);
  });
}
