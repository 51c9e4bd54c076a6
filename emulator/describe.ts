import type { World } from "./store/world";

/** The sign-in facts a person needs: accounts, users with passwords and AK/SK pairs, projects. */
export function describeWorld(world: World): string {
  const lines = ["Accounts, users (password) and projects:"];
  const accounts = [...world.accounts.values()];
  for (const account of accounts.slice(0, 8)) {
    const users = [...world.users.values()].filter((u) => u.domainId === account.id);
    const who = users.map(
      (u) => `${u.name} (${u.password})${u.permissions.includes("ims:images:share") ? "" : " read-only"}`,
    );
    const projects = world.projectsOf(account.id).map((p) => `${p.name} ${p.id}`);
    lines.push(
      `  ${account.name} ${account.id}`,
      `    users: ${who.join(", ")}`,
      `    projects: ${projects.join(", ")}`,
    );
  }
  if (accounts.length > 8) lines.push(`  … and ${accounts.length - 8} more accounts`);
  const keys = [...world.accessKeys.values()].filter((k) => k.status === "active");
  if (keys.length > 0) {
    lines.push("AK/SK pairs (SDK-HMAC-SHA256; send X-Project-Id):");
    for (const k of keys) {
      const user = world.users.get(k.userId);
      const account = user && world.accounts.get(user.domainId);
      lines.push(`  ${user?.name ?? k.userId}@${account?.name ?? "?"}  AK ${k.ak}  SK ${k.sk}`);
    }
  }
  lines.push(`${world.images.size} IMS images, ${world.cphImages.size} CPH images, ${world.vaults.size} vaults`);
  return lines.join("\n");
}
