import { z } from "zod";
import { hex32 } from "../core/ids";

/** A fault on matching routes: latency, an error status (429 with Retry-After), or a hang. */
export const routeFaultSchema = z
  .object({
    method: z.string().toUpperCase().optional(),
    /** Path glob: `*` matches within one segment, `**` across segments. */
    path: z.string().min(1),
    latencyMs: z.number().int().min(0).max(600_000).default(0),
    status: z.number().int().min(400).max(599).optional(),
    code: z.string().optional(),
    message: z.string().optional(),
    retryAfter: z.number().int().min(0).optional(),
    /** Never answer (until the client gives up), like a timeout. */
    hang: z.boolean().default(false),
    /** Apply the request first, then answer with the fault: the change happened but its answer is lost. */
    after: z.boolean().default(false),
    /** Share of matching calls affected, 0..1. */
    probability: z.number().min(0).max(1).default(1),
    /** How many calls to affect before the fault removes itself; absent means until cleared. */
    times: z.number().int().min(1).optional(),
  })
  .strict();

/** A fault applied to IMS member jobs: chosen pairs fail, or jobs stick in RUNNING. */
export const jobFaultSchema = z
  .object({
    kind: z.enum(["fail-pairs", "stuck"]),
    /** fail-pairs: the pairs that fail; `target` is the project, account or OU id. Absent: every pair. */
    pairs: z.array(z.object({ image_id: z.string(), target: z.string().optional() })).optional(),
    code: z.string().default("IMG.0112"),
    /** stuck: only jobs touching these images; absent means every job. */
    images: z.array(z.string()).optional(),
    times: z.number().int().min(1).optional(),
  })
  .strict();

export type RouteFault = z.infer<typeof routeFaultSchema> & { id: string };
export type JobFault = z.infer<typeof jobFaultSchema> & { id: string };

export class Faults {
  routes: RouteFault[] = [];
  jobs: JobFault[] = [];
  private patterns = new Map<string, RegExp>();

  addRoute(input: unknown): RouteFault {
    const fault = { ...routeFaultSchema.parse(input), id: hex32() };
    this.routes.push(fault);
    return fault;
  }

  addJob(input: unknown): JobFault {
    const fault = { ...jobFaultSchema.parse(input), id: hex32() };
    this.jobs.push(fault);
    return fault;
  }

  remove(id: string): boolean {
    const before = this.routes.length + this.jobs.length;
    this.routes = this.routes.filter((f) => f.id !== id);
    this.jobs = this.jobs.filter((f) => f.id !== id);
    return this.routes.length + this.jobs.length < before;
  }

  clear(): void {
    this.routes = [];
    this.jobs = [];
  }

  /** The route fault for this call, if any fires; consumes one of its `times`. */
  takeRoute(method: string, path: string): RouteFault | undefined {
    const fault = this.routes.find(
      (f) => (!f.method || f.method === method) && this.pattern(f.path).test(path) && Math.random() < f.probability,
    );
    if (fault) this.consume(fault, this.routes);
    return fault;
  }

  /** Whether a new job touching these images should stick in RUNNING. */
  takeStuck(imageIds: string[]): boolean {
    const fault = this.jobs.find(
      (f) => f.kind === "stuck" && (!f.images || f.images.some((i) => imageIds.includes(i))),
    );
    if (fault) this.consume(fault, this.jobs);
    return Boolean(fault);
  }

  /** The failure code for one pair of a job, if a fail-pairs fault names it. */
  pairFailure(imageId: string, targetId: string): string | undefined {
    const fault = this.jobs.find(
      (f) =>
        f.kind === "fail-pairs" &&
        (!f.pairs || f.pairs.some((p) => p.image_id === imageId && (!p.target || p.target === targetId))),
    );
    if (!fault) return undefined;
    this.consume(fault, this.jobs);
    return fault.code;
  }

  private consume<T extends { times?: number }>(fault: T, list: T[]): void {
    if (fault.times === undefined) return;
    fault.times -= 1;
    if (fault.times <= 0) list.splice(list.indexOf(fault), 1);
  }

  private pattern(glob: string): RegExp {
    let re = this.patterns.get(glob);
    if (!re) {
      const source = glob
        .split("**")
        .map((part) => part.split("*").map(escape).join("[^/]*"))
        .join(".*");
      re = new RegExp(`^${source}$`);
      this.patterns.set(glob, re);
    }
    return re;
  }
}

function escape(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
