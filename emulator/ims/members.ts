import type { Hono } from "hono";
import { z } from "zod";
import {
  authenticate,
  can,
  clientIp,
  intParam,
  readBody,
  type Body,
  type Ctx,
  type Emu,
  type EmuEnv,
  type Session,
} from "../core/context";
import { ApiError, glanceError, imsError } from "../core/errors";
import { UUID } from "../core/ids";
import { recordTrace, type TraceOperation } from "../cts/record";
import type { ImsImage, ImsMember } from "../store/types";
import { decodeMarker, memberView, pageAfter, type MemberView } from "./member-view";
import { applyAdd, applyDelete, applyUpdate, isProjectId, visibleImage } from "./rules";

/** Native Glance paths (`/v2/images/...`) or the newer extension paths (`/v1/{project_id}/cloudimages/...`). */
type Api = "v1" | "v2";

const DEFAULT_LIMIT = 500;
const addSchema = z.object({ member: z.string() });
const updateSchema = z.object({ status: z.enum(["accepted", "rejected"]), vault_id: z.string().optional() });

/** Single-member IMS routes: reference sections 4.3 to 4.9, 11.3, 11.6 and 11.10 item 10. */
export function registerImsMembers(app: Hono<EmuEnv>, emu: Emu): void {
  app.get("/v2/images/:image_id/members", (c) => c.json(listMembers(c, emu, "v2")));
  app.get("/v1/:project_id/cloudimages/:image_id/members", (c) => c.json(listMembers(c, emu, "v1")));
  app.get("/v2/images/:image_id/members/:member_id", (c) => c.json(showMember(c, emu, "v2")));
  app.get("/v1/:project_id/cloudimages/:image_id/members/:member_id", (c) => c.json(showMember(c, emu, "v1")));

  app.post("/v2/images/:image_id/members", (c) =>
    traced(c, emu, "add", (session, body) => addMember(emu, session, param(c, "image_id"), body)),
  );
  app.put("/v2/images/:image_id/members/:member_id", (c) =>
    traced(c, emu, "update", (session, body) =>
      updateMember(emu, session, param(c, "image_id"), param(c, "member_id"), body),
    ),
  );
  app.delete("/v2/images/:image_id/members/:member_id", (c) =>
    traced(c, emu, "delete", (session) => deleteMember(emu, session, param(c, "image_id"), param(c, "member_id"))),
  );
}

function listMembers(c: Ctx, emu: Emu, api: Api) {
  const session = caller(c, emu, api);
  const limit = intParam(c, "limit", 1, 1000);
  const marker = c.req.query("marker");
  const after = marker ? decodeMarker(marker) : undefined;
  if (limit === null || (marker && after === undefined)) throw imsError("IMG.0001");
  const { image, membership } = access(emu, session, api, param(c, "image_id"));
  const members = membership ? [membership] : [...(emu.world.members.get(image.id)?.values() ?? [])];
  const page = pageAfter(members, (m) => m.memberId, limit ?? DEFAULT_LIMIT, after);
  if (!page) throw imsError("IMG.0001");
  return {
    members: page.items.map((m) => memberView(m, emu.config.disputed)),
    schema: "/v2/schemas/members",
    // Section 14 D2, reading B: the last page's end marker is null rather than "".
    page_info: {
      next_marker: page.nextMarker || (emu.config.disputed.nullOptionalFields === "B" ? null : ""),
      current_count: page.items.length,
    },
  };
}

function showMember(c: Ctx, emu: Emu, api: Api): MemberView {
  const session = caller(c, emu, api);
  const imageId = param(c, "image_id");
  const memberId = param(c, "member_id");
  const { image, membership } = access(emu, session, api, imageId);
  const member = membership
    ? addresses(session, membership, memberId)
      ? membership
      : undefined
    : emu.world.members.get(image.id)?.get(memberId);
  if (!member) throw memberNotFound(api, imageId, memberId);
  return memberView(member, emu.config.disputed);
}

function addMember(emu: Emu, session: Session, imageId: string, body: Body): MemberView {
  const target = parseBody(body, addSchema).member;
  if (!isProjectId(target)) throw imsError("IMG.0067");
  const image = visibleImage(emu, imageId, session);
  if (!image) throw imageNotFound("v2", imageId);
  // A public image is visible to all but shared by none: the rules answer IMG.0089 for it below.
  if (image.owner !== session.project.id && image.imagetype !== "gold") throw imsError("IMG.0047", 403);
  if (!can(session, "ims:images:share")) throw imsError("IMG.0026", 403);
  if (emu.world.members.get(imageId)?.has(target)) {
    throw glanceError(409, `Member ${target} already exists on image ${imageId}.`);
  }
  const outcome = applyAdd(emu, session, imageId, { type: "project", id: target });
  if (!outcome.ok) throw imsError(outcome.code);
  return memberView(stored(emu, imageId, target), emu.config.disputed);
}

function updateMember(emu: Emu, session: Session, imageId: string, memberId: string, body: Body): MemberView {
  const change = parseBody(body, updateSchema);
  const image = visibleImage(emu, imageId, session);
  if (!image) throw imageNotFound("v2", imageId);
  if (image.owner === session.project.id) {
    throw glanceError(403, "Forbidden: only the member itself can change its status, not the image owner.");
  }
  const membership = emu.world.membershipOf(imageId, session.project.id);
  if (!membership || !addresses(session, membership, memberId)) throw memberNotFound("v2", imageId, memberId);
  if (!can(session, "ims:images:share")) throw imsError("IMG.0026", 403);
  const outcome = applyUpdate(emu, session, imageId, change.status, change.vault_id);
  if (!outcome.ok) throw imsError(outcome.code);
  return memberView(membership, emu.config.disputed);
}

function deleteMember(emu: Emu, session: Session, imageId: string, memberId: string): null {
  const image = visibleImage(emu, imageId, session);
  if (!image) throw imageNotFound("v2", imageId);
  if (image.owner !== session.project.id) throw imsError("IMG.0047", 403);
  if (!can(session, "ims:images:share")) throw imsError("IMG.0026", 403);
  const member = emu.world.members.get(imageId)?.get(memberId);
  if (!member) throw memberNotFound("v2", imageId, memberId);
  const target = { type: member.memberType, id: member.memberId, ...(member.urn ? { urn: member.urn } : {}) };
  const outcome = applyDelete(emu, session, imageId, target);
  if (!outcome.ok) throw imsError(outcome.code);
  return null;
}

/**
 * Runs a mutation and records it in the caller's CTS project whatever the outcome (section 11.8).
 * `run` returns the member to answer 200 with, or null for 204.
 */
async function traced(
  c: Ctx,
  emu: Emu,
  operation: TraceOperation,
  run: (session: Session, body: Body) => MemberView | null,
): Promise<Response> {
  const session = authenticate(c, emu);
  const imageId = param(c, "image_id");
  let request: unknown = null;
  const record = (status: number, response: unknown) => {
    // Name only an image the caller may see, so that a trace does not reveal other tenants' names.
    const name = visibleImage(emu, imageId, session)?.name ?? "";
    recordTrace(emu, session, {
      service: "IMS",
      operation,
      images: [{ id: imageId, name }],
      apiVersion: "v2",
      status,
      request,
      response,
      requestId: c.get("requestId"),
      sourceIp: clientIp(c),
    });
  };
  try {
    const body: Body = operation === "delete" ? { kind: "empty" } : await readBody(c, emu);
    // A DELETE has no body; like CPH's cancel-sharing trace, the request names the member from the path
    // (an inference: the reference leaves it open), so that the trace says whose access was removed.
    request =
      body.kind === "json"
        ? body.value
        : body.kind === "invalid"
          ? await c.req.text()
          : operation === "delete"
            ? { member_id: param(c, "member_id") }
            : null;
    const view = run(session, body);
    record(view ? 200 : 204, view);
    return view ? c.json(view) : c.body(null, 204);
  } catch (err) {
    if (err instanceof ApiError) {
      record(err.status, err.render({ requestId: c.get("requestId"), glancePath: emu.config.glanceCompatibleErrors }));
    }
    throw err;
  }
}

/** Token, path project (v1) and read permission, checked before anything else about the request. */
function caller(c: Ctx, emu: Emu, api: Api): Session {
  const session = authenticate(c, emu);
  if (api === "v1" && param(c, "project_id") !== session.project.id) {
    const { status, code } = emu.config.projectMismatch;
    throw imsError(code, status);
  }
  if (!can(session, "ims:images:get")) throw imsError("IMG.0026", 403);
  return session;
}

interface Access {
  image: ImsImage;
  /** The entry through which a consumer sees the image; undefined for the owner. */
  membership?: ImsMember;
}

/** The owner and members may read an image's members; everyone else gets 404, as if it did not exist. */
function access(emu: Emu, session: Session, api: Api, imageId: string): Access {
  if (api === "v1" && !UUID.test(imageId)) throw imsError("IMG.0066");
  const image = visibleImage(emu, imageId, session);
  if (image && image.owner === session.project.id) return { image };
  const membership = image && emu.world.membershipOf(image.id, session.project.id);
  if (!image || !membership) throw imageNotFound(api, imageId);
  if (api === "v1" && emu.config.disputed.recipientMemberRead === "B") throw consumerRefused(emu);
  return { image, membership };
}

/**
 * Section 14 D3, reading B: the extension member reads are documented for the owner only, so a
 * consumer is refused: 403 `IMG.0047` (owner-only operation) or, configured, 404 `IMG.0027` as if
 * the image did not exist (what a stranger gets).
 */
function consumerRefused(emu: Emu): ApiError {
  return emu.config.disputed.recipientMemberReadStatus === 404 ? imsError("IMG.0027", 404) : imsError("IMG.0047", 403);
}

/** A consumer names its entry by its own project id or by the id of the entry that grants it access. */
function addresses(session: Session, membership: ImsMember, memberId: string): boolean {
  return memberId === session.project.id || memberId === membership.memberId;
}

function parseBody<T>(body: Body, schema: z.ZodType<T>): T {
  if (body.kind === "empty") throw imsError("IMG.0007");
  const parsed = body.kind === "json" ? schema.safeParse(body.value) : undefined;
  if (!parsed?.success) throw imsError("IMG.0001");
  return parsed.data;
}

function imageNotFound(api: Api, imageId: string): ApiError {
  return api === "v2" ? glanceError(404, `No image found with ID ${imageId}`) : imsError("IMG.0027", 404);
}

function memberNotFound(api: Api, imageId: string, memberId: string): ApiError {
  return api === "v2"
    ? glanceError(404, `Member ${memberId} not found on image ${imageId}.`)
    : imsError("IMG.0114", 404);
}

function stored(emu: Emu, imageId: string, memberId: string): ImsMember {
  const member = emu.world.members.get(imageId)?.get(memberId);
  if (!member) throw new Error(`member ${memberId} of ${imageId} missing after add`);
  return member;
}

function param(c: Ctx, name: string): string {
  return c.req.param(name) ?? "";
}
