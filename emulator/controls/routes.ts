import type { Hono } from "hono";
import { z } from "zod";
import { mergeConfig } from "../core/config";
import type { Ctx, Emu, EmuEnv } from "../core/context";
import { readBody } from "../core/context";
import { ApiError } from "../core/errors";
import { image as imageBuilder } from "../seed/builders";
import type { SeedName } from "../seed/seeds";
import { jobFaultSchema, routeFaultSchema, type Faults } from "./faults";
import { registerSmnControls } from "./smn";
import type { Stats } from "./stats";
import type { ImsImage } from "../store/types";

/** What the controls act on: the emulator's state, its faults and counts, and its reset. */
export interface Controlled {
  emu: Emu;
  faults: Faults;
  stats: Stats;
  reset(seed?: SeedName, options?: { keepTokens?: boolean }): void;
}

const clockSchema = z.union([
  z.object({ advanceMs: z.number().int() }).strict(),
  z.object({ set: z.union([z.number().int(), z.iso.datetime()]) }).strict(),
  z.object({ reset: z.literal(true) }).strict(),
]);

const resetSchema = z
  .object({ seed: z.enum(["demo", "large"]).optional(), keepTokens: z.boolean().optional() })
  .strict();

const imageSchema = z
  .object({
    id: z.uuid(),
    name: z.string().min(1).max(255),
    owner: z.string().regex(/^[0-9a-f]{32}$/),
    kind: z.enum(["system", "data", "whole"]).optional(),
    status: z.enum(["active", "queued", "saving", "deleted", "killed"]).optional(),
    osType: z.enum(["Linux", "Windows", "Other"]).optional(),
    backupId: z.string().optional(),
  })
  .strict();

const memberSchema = z
  .object({
    image_id: z.string(),
    member_id: z.string().regex(/^[0-9a-f]{32}$/),
    status: z.enum(["pending", "accepted", "rejected"]).default("pending"),
  })
  .strict();

function controlError(status: number, message: string): ApiError {
  return new ApiError(status, () => ({ error: message }), message);
}

async function json<T>(c: Ctx, emulator: Controlled, schema: z.ZodType<T>): Promise<T> {
  const body = await readBody(c, emulator.emu);
  const value = body.kind === "json" ? body.value : body.kind === "empty" ? {} : undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw controlError(400, z.prettifyError(parsed.error));
  return parsed.data;
}

/**
 * Test and demo controls under `/__emulator/`, a path no cloud API uses. The console never calls
 * these outside tests.
 */
export function registerControls(app: Hono<EmuEnv>, emulator: Controlled): void {
  const { emu, faults, stats } = emulator;
  const base = "/__emulator";

  app.get(`${base}/health`, (c) => c.json({ ok: true, now: emu.clock.now() }));

  app.post(`${base}/reset`, async (c) => {
    const { seed, keepTokens } = await json(c, emulator, resetSchema);
    emulator.reset(seed as SeedName | undefined, { keepTokens });
    return c.json({ ok: true });
  });

  app.get(`${base}/config`, (c) => c.json(emu.config));
  app.put(`${base}/config`, async (c) => {
    const patch = await json(c, emulator, z.record(z.string(), z.unknown()));
    try {
      emu.config = mergeConfig(emu.config, patch);
    } catch (e) {
      throw controlError(400, e instanceof z.ZodError ? z.prettifyError(e) : String(e));
    }
    emu.changed();
    return c.json(emu.config);
  });

  app.get(`${base}/clock`, (c) => c.json({ now: emu.clock.now(), offsetMs: emu.clock.offset }));
  app.post(`${base}/clock`, async (c) => {
    const input = await json(c, emulator, clockSchema);
    if ("advanceMs" in input) emu.clock.advance(input.advanceMs);
    else if ("set" in input) emu.clock.set(typeof input.set === "number" ? input.set : Date.parse(input.set));
    else emu.clock.reset();
    emu.advanceJobs();
    emu.changed();
    return c.json({ now: emu.clock.now(), offsetMs: emu.clock.offset });
  });

  app.get(`${base}/faults`, (c) => c.json({ routes: faults.routes, jobs: faults.jobs }));
  app.post(`${base}/faults/routes`, async (c) =>
    c.json(faults.addRoute(await json(c, emulator, routeFaultSchema)), 201),
  );
  app.post(`${base}/faults/jobs`, async (c) => c.json(faults.addJob(await json(c, emulator, jobFaultSchema)), 201));
  app.delete(`${base}/faults/:id`, (c) => {
    if (!faults.remove(c.req.param("id"))) throw controlError(404, "no such fault");
    return c.body(null, 204);
  });
  app.delete(`${base}/faults`, (c) => {
    faults.clear();
    return c.body(null, 204);
  });

  // Issued tokens, so end-to-end tests can prove a token never reaches the browser.
  app.get(`${base}/tokens`, (c) =>
    c.json(
      [...emu.world.tokens.entries()].map(([token, t]) => ({
        token,
        user: emu.world.users.get(t.userId)?.name,
        project: t.projectId,
        expiresAt: t.expiresAt,
      })),
    ),
  );

  registerSmnControls(app, emu, base);

  app.get(`${base}/stats`, (c) => c.json(stats.snapshot()));
  app.delete(`${base}/stats`, (c) => {
    stats.reset();
    return c.body(null, 204);
  });

  app.post(`${base}/images`, async (c) => {
    const input = await json(c, emulator, imageSchema);
    if (emu.world.images.has(input.id)) throw controlError(409, "an image with this id exists");
    const over: Partial<ImsImage> = { ...input };
    const img = imageBuilder(input.id, input.name, input.owner, emu.clock.now(), over);
    emu.world.images.set(img.id, img);
    emu.changed();
    return c.json(img, 201);
  });

  // CPH members of made-up projects, like cph-at-limit's, to bring an image near its limit.
  app.post(`${base}/cph-members`, async (c) => {
    const input = await json(c, emulator, memberSchema);
    if (!emu.world.cphImages.has(input.image_id)) throw controlError(404, "no such phone image");
    const now = emu.clock.now();
    emu.world.cphMembersOf(input.image_id).set(input.member_id, {
      imageId: input.image_id,
      memberId: input.member_id,
      status: input.status,
      createTime: now,
      updateTime: now,
    });
    emu.changed();
    return c.body(null, 204);
  });

  app.post(`${base}/members`, async (c) => {
    const input = await json(c, emulator, memberSchema);
    if (!emu.world.images.has(input.image_id)) throw controlError(404, "no such image");
    const now = emu.clock.now();
    emu.world.membersOf(input.image_id).set(input.member_id, {
      imageId: input.image_id,
      memberId: input.member_id,
      memberType: "project",
      status: input.status,
      createdAt: now,
      updatedAt: now,
    });
    emu.changed();
    return c.body(null, 204);
  });
}
