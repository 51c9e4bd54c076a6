import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { emulator } from "./fixtures";
import { aliceOpenstackEnv } from "./openstack-env";

const run = promisify(execFile);

/** Debian's openstack CLI as alice, straight against the emulator: a share the console did not make. */
export async function openstackAsAlice(args: string[]) {
  const { stdout } = await run("openstack", args, {
    timeout: 60_000,
    env: aliceOpenstackEnv(emulator.url),
  });
  return stdout;
}
