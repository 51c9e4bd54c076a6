import { DEMO_PASSWORDS } from "../emulator/seed/demo";

/** The environment of Debian's openstack CLI signed in as alice, straight against an emulator. */
export function aliceOpenstackEnv(emulatorUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "test",
    OS_AUTH_URL: `${emulatorUrl}/v3`,
    OS_IDENTITY_API_VERSION: "3",
    OS_IMAGE_API_VERSION: "2",
    OS_USERNAME: "alice",
    OS_PASSWORD: DEMO_PASSWORDS.alice,
    OS_USER_DOMAIN_NAME: "acme",
    OS_PROJECT_NAME: "ap-southeast-1",
    OS_PROJECT_DOMAIN_NAME: "acme",
    OS_REGION_NAME: "ap-southeast-1",
    OS_INTERFACE: "public",
  };
}
