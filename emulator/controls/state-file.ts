import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { WorldData } from "../store/types";

/** What `--state FILE` keeps: the world, the clock's offset and the options in force. */
export interface SavedState {
  version: 1;
  clockOffsetMs: number;
  config: unknown;
  world: WorldData;
}

export function readState(path: string): SavedState | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, "utf8")) as SavedState;
  if (parsed.version !== 1 || !parsed.world) throw new Error(`${path} is not an emulator state file`);
  return parsed;
}

/**
 * Writes the state so that a crash never leaves a half-written file: the bytes go to a temporary
 * file in the same folder, which is flushed to disk and then renamed over the old one.
 */
export function writeState(path: string, state: SavedState): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Coalesces saves: at most one write per `delayMs` while changes keep coming. */
export class StateSaver {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly save: () => void,
    private readonly delayMs = 50,
  ) {}

  request(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, this.delayMs);
  }

  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.save();
  }
}
