import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { smnTopic } from "@/emulator/seed/builders";
import { DEMO, DEMO_TOPICS } from "@/emulator/seed/demo";
import type { DemoUser } from "@/emulator/testing";
import { toAppError } from "@/lib/errors";
import { CloudError } from "./errors";
import { emulatorPlaying } from "./testing";

/** The SMN client against the emulator over loopback. No disputed row touches SMN: one reading is enough. */
describe("SMN client", () => {
  const emulatorNow = emulatorPlaying("A");
  let emulator: ReturnType<typeof emulatorNow>;
  let smn: typeof import("./smn");

  beforeAll(async () => {
    smn = await import("./smn");
  });
  beforeEach(() => {
    emulator = emulatorNow();
    emulator.reset();
  });

  /** A console session's scope in the user's ap-southeast-1 project. */
  async function scope(user: DemoUser = "alice", projectId: string = DEMO.acmeAp) {
    return { token: await emulator.login(user), region: "ap-southeast-1", projectId };
  }
  const published = () => emulator.emu.world.smnMessages;

  it("lists acme's topics with their URNs and display names, newest first", async () => {
    expect(await smn.listTopics(await scope())).toEqual([
      { urn: DEMO_TOPICS.opsOncall, name: "ops-oncall", displayName: "" },
      { urn: DEMO_TOPICS.imshareAlerts, name: "imshare-alerts", displayName: "Imshare alerts" },
    ]);
    expect(await smn.listTopics(await scope("bob", DEMO.globexAp))).toEqual([
      { urn: DEMO_TOPICS.globexAlerts, name: "globex-alerts", displayName: "" },
    ]);
  });

  it("pages through every topic, 100 at a time, and passes the name filters on", async () => {
    const project = emulator.emu.world.projects.get(DEMO.acmeAp)!;
    for (let i = 1; i <= 230; i++) {
      const t = smnTopic(project, `bulk-${i}`, "", i.toString(16).padStart(32, "b"), emulator.emu.clock.now() + i);
      emulator.emu.world.smnTopics.set(t.urn, t);
    }
    emulator.stats.reset();
    const all = await smn.listTopics(await scope());
    expect(all).toHaveLength(232);
    expect(new Set(all.map((t) => t.urn)).size).toBe(232);
    expect(all.slice(0, 2).map((t) => t.name)).toEqual(["bulk-230", "bulk-229"]);
    expect(all.at(-1)?.name).toBe("imshare-alerts");
    expect(emulator.stats.snapshot().routes["GET /v2/{id}/notifications/topics"]).toBe(3);
    expect((await smn.listTopics(await scope(), { name: "bulk-7" })).map((t) => t.name)).toEqual(["bulk-7"]);
    expect(await smn.listTopics(await scope(), { fuzzyName: "alerts" })).toHaveLength(1);
  });

  it("publishes a message and answers SMN's message id and request id", async () => {
    const res = await smn.publishMessage(await scope(), DEMO_TOPICS.imshareAlerts, {
      subject: "Image shared",
      message: "ubuntu-22.04-web is now shared with globex.",
    });
    expect(res).toEqual({ messageId: expect.stringMatching(/^[0-9a-f]{32}$/), requestId: expect.any(String) });
    expect(published()).toEqual([
      expect.objectContaining({
        message_id: res.messageId,
        topic_urn: DEMO_TOPICS.imshareAlerts,
        subject: "Image shared",
        message: "ubuntu-22.04-web is now shared with globex.",
        user_id: DEMO.alice,
      }),
    ]);
  });

  it("cuts a subject longer than 512 bytes between characters instead of being refused", async () => {
    const subject = "Ünïcödé ✓ 👩🏽‍💻 ".repeat(40);
    await smn.publishMessage(await scope(), DEMO_TOPICS.opsOncall, { subject, message: "m" });
    const sent = published()[0].subject!;
    expect(Buffer.byteLength(sent)).toBeLessThanOrEqual(512);
    expect(subject.startsWith(sent)).toBe(true);
    expect(sent).toBe(smn.fitSubject(subject));
    await smn.publishMessage(await scope(), DEMO_TOPICS.opsOncall, { subject: "   ", message: "no subject" });
    expect(published()[1].subject).toBeUndefined();
  });

  it("surfaces SMN's own codes: an unknown topic, another project's topic, a read-only user", async () => {
    const refusal = async (run: Promise<unknown>) => {
      const e = await run.catch((x: unknown) => x);
      expect(e).toBeInstanceOf(CloudError);
      const { service, status, code, requestId } = e as CloudError;
      expect(requestId).toMatch(/^[0-9a-f]{32}$/);
      return { service, status, code, app: toAppError(e).code };
    };
    const unknown = `urn:smn:ap-southeast-1:${DEMO.acmeAp}:nope`;
    expect(await refusal(smn.publishMessage(await scope(), unknown, { message: "x" }))).toEqual({
      service: "smn",
      status: 404,
      code: "SMN.0006",
      app: "not_found",
    });
    expect(await refusal(smn.publishMessage(await scope(), DEMO_TOPICS.globexAlerts, { message: "x" }))).toMatchObject({
      status: 404,
      code: "SMN.0006",
    });
    expect(
      await refusal(smn.publishMessage(await scope("audrey"), DEMO_TOPICS.imshareAlerts, { message: "x" })),
    ).toEqual({
      service: "smn",
      status: 403,
      code: "SMN.0001",
      app: "forbidden",
    });
    expect(published()).toEqual([]);
  });

  it("refuses a blank message itself and sends nothing", async () => {
    emulator.stats.reset();
    await expect(smn.publishMessage(await scope(), DEMO_TOPICS.imshareAlerts, { message: " \n" })).rejects.toThrow(
      /blank/,
    );
    expect(emulator.stats.snapshot().routes).not.toHaveProperty("POST /v2/{id}/notifications/topics/{urn}/publish");
  });
});

describe("fitSubject", () => {
  let fitSubject: typeof import("./smn").fitSubject;
  beforeAll(async () => {
    ({ fitSubject } = await import("./smn"));
  });

  it("leaves a subject within 512 bytes alone, and cuts ASCII at exactly 512", () => {
    expect(fitSubject("Image shared")).toBe("Image shared");
    expect(fitSubject("a".repeat(512))).toBe("a".repeat(512));
    expect(fitSubject("a".repeat(513))).toBe("a".repeat(512));
  });

  it("counts UTF-8 bytes and never splits a surrogate pair or a grapheme", () => {
    expect(fitSubject("é".repeat(300))).toBe("é".repeat(256));
    expect(fitSubject("a" + "😀".repeat(200))).toBe("a" + "😀".repeat(127));
    const family = "👨‍👩‍👧‍👦"; // 25 bytes, 11 UTF-16 units
    expect(fitSubject(family.repeat(30))).toBe(family.repeat(20));
    const accented = "e\u0301"; // e and a combining acute: 3 bytes, one character as read
    expect(fitSubject("x" + accented.repeat(200))).toBe("x" + accented.repeat(170));
    expect(fitSubject("ab", 1)).toBe("a");
  });

  it("turns a lone surrogate, which UTF-8 cannot carry, into U+FFFD", () => {
    expect(fitSubject("bad \uD83D end")).toBe("bad \uFFFD end");
    expect(fitSubject("\uDE00x")).toBe("\uFFFDx");
  });
});
