/**
 * A background pass run again and again: now, then `everyMs` after each pass ends (never two at once),
 * until stopped; a pass that throws is reported and the next one runs as planned. The timer does not
 * keep the process alive. The lease scheduler, the outbox and the scheduled CTS import run on it.
 */
export class Repeat {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly everyMs: number,
    private readonly failed: (error: Error) => void,
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** Runs a pass now instead of at the next time (unless one runs already). */
  poke(): void {
    if (this.stopped || this.running) return;
    clearTimeout(this.timer);
    this.schedule(0);
  }

  /** No pass starts any more; resolves once the one under way ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .then(
          () => undefined,
          (e: unknown) => this.failed(e instanceof Error ? e : new Error(String(e))),
        )
        .finally(() => {
          this.running = undefined;
          this.schedule(this.everyMs);
        });
    }, delay);
    this.timer.unref?.();
  }
}
