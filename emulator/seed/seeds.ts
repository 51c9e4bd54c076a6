import { World } from "../store/world";
import { demoWorld } from "./demo";
import { largeWorld } from "./large";

export type SeedName = "demo" | "large";

export function seedWorld(seed: SeedName, now: number): World {
  return new World(seed === "large" ? largeWorld(now) : demoWorld(now));
}
