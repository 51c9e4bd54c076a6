import type { WorldData } from "../store/types";
import { fillerProjectId, image, member, project, user } from "./builders";
import { DEMO, demoWorld } from "./demo";

export const LARGE = {
  accounts: 40,
  projectsPerAccount: 5,
  bulkImages: 5000,
  password: "bench-demo-2026",
} as const;

/**
 * The demo world plus 40 accounts of 5 projects each (200 projects, users `bench` in accounts
 * `bench-01`..`bench-40`) and 5,000 more acme images (`bulk-0001`..), a few of them already shared.
 */
export function largeWorld(now: number): WorldData {
  const world = demoWorld(now);
  const extraProjects = [];
  for (let a = 1; a <= LARGE.accounts; a++) {
    const nn = String(a).padStart(2, "0");
    const domainId = fillerProjectId("be0c", a);
    world.accounts.push({ id: domainId, name: `bench-${nn}` });
    world.users.push(user(fillerProjectId("be0e", a), "bench", LARGE.password, domainId));
    for (let p = 0; p < LARGE.projectsPerAccount; p++) {
      const name = p === 0 ? "ap-southeast-1" : `ap-southeast-1_team${p}`;
      extraProjects.push(project(fillerProjectId("be0a", a * 16 + p), name, domainId));
    }
  }
  world.projects.push(...extraProjects);
  for (let i = 1; i <= LARGE.bulkImages; i++) {
    const id = `1b7f0000-0000-4000-8000-${(1_000_000 + i).toString().padStart(12, "0")}`;
    world.images.push(image(id, `bulk-${String(i).padStart(4, "0")}`, DEMO.acmeAp, now - i * 60_000));
    if (i % 10 === 0) {
      const target = extraProjects[i % extraProjects.length];
      world.members.push(member(id, target.id, i % 20 === 0 ? "accepted" : "pending", now - i * 30_000));
    }
  }
  return world;
}
