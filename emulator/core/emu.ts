import type { Context } from "hono";
import type { Clock } from "./clock";
import type { EmulatorConfig } from "./config";
import type { ApiError } from "./errors";
import type { World } from "../store/world";
import type { AccessKey, Account, User } from "../store/types";

/** Hono environment: per-request variables set by the server's middleware. */
export type EmuEnv = { Variables: { requestId: string; signed?: SignedCaller | ApiError } };
export type Ctx = Context<EmuEnv>;

/** What every route module gets: the state, the options, the clock, and the public base URL. */
export interface Emu {
  world: World;
  config: EmulatorConfig;
  clock: Clock;
  /** Base URL written into the token catalog and links (EMULATOR_PUBLIC_URL). */
  publicUrl: string;
  /** Called after a mutation so that `--state` writes; cheap. */
  changed(): void;
  /** Applies due job progress (the job runner registers itself here). */
  advanceJobs(): void;
}

/** Who signed a request with an AK/SK pair; the project or domain header is checked by the route. */
export interface SignedCaller {
  accessKey: AccessKey;
  user: User;
  account: Account;
}
