import type { Hono } from "hono";
import type { Emu, EmuEnv } from "../core/context";
import { keystoneError } from "../core/errors";
import { isoMicros } from "../core/time";
import { validCaller } from "./caller";

/**
 * IAM's permanent access keys, as far as a caller may read them: `GET /v3.0/OS-CREDENTIAL/credentials/{access_key}`
 * (ShowPermanentAccessKey of Huawei's SDKs), answered `{credential: {user_id, access, status, create_time,
 * description}}`. An IAM user reads their own keys; the emulator has no IAM administrators, so another
 * user's key of the same account is refused 403 [INFERRED], and a key of another account or of nobody is
 * the same 404.
 */
export function registerCredentials(app: Hono<EmuEnv>, emu: Emu): void {
  app.get("/v3.0/OS-CREDENTIAL/credentials/:access_key", (c) => {
    const { user } = validCaller(c, emu);
    const ak = c.req.param("access_key");
    const key = emu.world.accessKeys.get(ak);
    const owner = key && emu.world.users.get(key.userId);
    if (!key || !owner || owner.domainId !== user.domainId)
      throw keystoneError(404, `Could not find credential: ${ak}.`);
    if (owner.id !== user.id) throw keystoneError(403, "You are not authorized to perform the requested action.");
    return c.json({
      credential: {
        user_id: owner.id,
        access: key.ak,
        status: key.status,
        create_time: isoMicros(key.createdAt ?? 0),
        description: "",
      },
    });
  });
}
