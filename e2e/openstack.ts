import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { DEMO_PASSWORDS } from "../emulator/seed/demo";
import { emulator } from "./fixtures";

const run = promisify(execFile);

/** Debian's openstack CLI as alice, straight against the emulator: a share the console did not make. */
export async function openstackAsAlice(args: string[]) {
  const { stdout } = await run("openstack", args, {
    timeout: 60_000,
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      OS_AUTH_URL: `${emulator.url}/v3`,
      OS_IDENTITY_API_VERSION: "3",
      OS_IMAGE_API_VERSION: "2",
      OS_USERNAME: "alice",
      OS_PASSWORD: DEMO_PASSWORDS.alice,
      OS_USER_DOMAIN_NAME: "acme",
      OS_PROJECT_NAME: "ap-southeast-1",
      OS_PROJECT_DOMAIN_NAME: "acme",
      OS_REGION_NAME: "ap-southeast-1",
      OS_INTERFACE: "public",
    },
  });
  return stdout;
}
