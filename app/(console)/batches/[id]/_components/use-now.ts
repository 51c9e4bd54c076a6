"use client";

import { useSyncExternalStore } from "react";

const everySecond = (tick: () => void) => {
  const timer = setInterval(tick, 1_000);
  return () => clearInterval(timer);
};
const never = () => () => {};
const second = () => Math.floor(Date.now() / 1_000) * 1_000;

/**
 * The time, to the second, moving while `active`: what a page says between updates (time elapsed,
 * how long nothing moved). Null on the server and while hydrating, so the two renders agree.
 */
export function useNow(active: boolean): number | null {
  return useSyncExternalStore(active ? everySecond : never, second, () => null);
}
