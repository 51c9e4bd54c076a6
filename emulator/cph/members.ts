import type { Hono } from "hono";
import { authenticate, intParam, readBody, type Body, type Ctx, type Emu, type EmuEnv } from "../core/context";
import { cphError } from "../core/errors";
import { HEX32 } from "../core/ids";
import type { CphMember } from "../store/types";
import { checkAccess, invalidImage, ownedImage, param, restStatus, seesImage } from "./access";
import { audited, type Audit } from "./audit";

/** CPH image members (sections 9.2 to 9.5, 11.7): synchronous, one member per call, 10 at most. */
export function registerCphMembers(app: Hono<EmuEnv>, emu: Emu): void {
  const base = "/v1/:project_id/cloud-phone/images/:image_id/members";
  const codes = () => emu.config.cph;

  app.post(
    base,
    audited(emu, "add", async (c, session, audit) => {
      const body = await auditedBody(c, emu, audit);
      checkAccess(c, session, "cph:images:share");
      const image = ownedImage(emu, session, param(c, "image_id"));
      audit.image.name = image.name;
      const member = objectBody(body)?.member;
      if (typeof member !== "string" || member === "") throw cphError("CPS.0001", "Parameter: member is empty.");
      const { invalidMemberCode, duplicateCode, limitCode, memberLimit } = codes();
      if (!HEX32.test(member)) throw cphError(invalidMemberCode, "Parameter: member is invalid.");
      if (member === session.project.id) {
        throw cphError(invalidMemberCode, "Parameter: member is invalid: you cannot share an image with yourself.");
      }
      const target = emu.world.projects.get(member);
      if (!target) throw cphError(invalidMemberCode, "Parameter: member is invalid: the project does not exist.");
      if (target.region !== session.project.region) {
        throw cphError(invalidMemberCode, "Parameter: member is invalid: images can only be shared within a region.");
      }
      const members = emu.world.cphMembersOf(image.id);
      if (members.has(member)) {
        throw cphError(duplicateCode, "The image has already been shared with this project.", restStatus(emu, 409));
      }
      if (members.size >= memberLimit) {
        throw cphError(limitCode, `An image can be shared with a maximum of ${memberLimit} projects.`);
      }
      const now = emu.clock.now();
      members.set(member, { imageId: image.id, memberId: member, status: "pending", createTime: now, updateTime: now });
      emu.changed();
    }),
  );

  app.get(base, (c) => {
    const session = authenticate(c, emu);
    checkAccess(c, session, "cph:images:get");
    const image = ownedImage(emu, session, param(c, "image_id"));
    const all = [...(emu.world.cphMembers.get(image.id)?.values() ?? [])];
    if (emu.config.disputed.cphMemberPaging === "B") {
      // Section 14 D6, reading B: the API has no query parameters; every member comes in one answer.
      const unknown = Object.keys(c.req.queries())[0];
      if (unknown !== undefined) throw cphError("CPS.0030", `Parameter: ${unknown} is invalid.`);
      return c.json({ members: all.map(memberView) });
    }
    const limit = intParam(c, "limit", 1, 100);
    if (limit === null) throw cphError("CPS.0002", "Parameter: offset or limit is invalid.");
    const marker = c.req.query("marker") || undefined;
    const start = marker === undefined ? 0 : all.findIndex((m) => m.memberId === marker) + 1;
    if (start === 0 && marker !== undefined) throw cphError("CPS.0002", "Parameter: marker is invalid.");
    const page = all.slice(start, start + (limit ?? 100));
    return c.json({ members: page.map(memberView) });
  });

  app.put(
    base,
    audited(emu, "update", async (c, session, audit) => {
      const body = await auditedBody(c, emu, audit);
      checkAccess(c, session, "cph:images:share");
      const image = emu.world.cphImages.get(param(c, "image_id"));
      if (!image) invalidImage(emu);
      const seen = seesImage(emu, image, session.project.id);
      // Reading B of D8: an image the caller may not know of is unknown to it (404), as for the owner's calls.
      if (!seen && emu.config.disputed.cphErrorStatus === "B") invalidImage(emu);
      if (seen) audit.image.name = image.name;
      const status = objectBody(body)?.status;
      if (status !== "accepted" && status !== "rejected") throw cphError("CPS.0010", "Parameter: status is invalid.");
      const membership = emu.world.cphMembers.get(image.id)?.get(session.project.id);
      if (!membership) throw notMember(emu);
      membership.status = status;
      membership.updateTime = emu.clock.now();
      emu.changed();
    }),
  );

  app.delete(
    `${base}/:member_id`,
    audited(emu, "delete", (c, session, audit) => {
      const memberId = param(c, "member_id");
      audit.request = { member_id: memberId };
      checkAccess(c, session, "cph:images:share");
      const image = ownedImage(emu, session, param(c, "image_id"));
      audit.image.name = image.name;
      if (!emu.world.cphMembers.get(image.id)?.delete(memberId)) throw notMember(emu);
      emu.changed();
    }),
  );
}

function memberView(m: CphMember) {
  return { image_id: m.imageId, member_id: m.memberId, create_time: m.createTime, update_time: m.updateTime };
}

function notMember(emu: Emu) {
  return cphError(emu.config.cph.notMemberCode, "The project is not a member of this image.");
}

/** Reads the body and keeps what was sent for the trace, before any check can fail. */
async function auditedBody(c: Ctx, emu: Emu, audit: Audit): Promise<Body> {
  const body = await readBody(c, emu);
  if (body.kind === "json") audit.request = body.value;
  return body;
}

/** The body as an object, undefined when empty; malformed JSON or a non-object is a 400. */
function objectBody(body: Body): Record<string, unknown> | undefined {
  if (body.kind === "empty") return undefined;
  if (body.kind === "invalid") throw cphError("CPS.0001", "The request body is not valid JSON.");
  const value = body.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw cphError("CPS.0001", "The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}
