import type { Hono } from "hono";
import { authenticate, intParam, type Ctx, type Emu, type EmuEnv } from "../core/context";
import { cphError } from "../core/errors";
import { isoSeconds } from "../core/time";
import type { CphImage } from "../store/types";
import { checkAccess, ownedImage, param } from "./access";
import { audited } from "./audit";

type ImageType = "private" | "share";

interface ImageQuery {
  types: ImageType[];
  status?: number;
  offset: number;
  limit: number;
  imageId?: string;
  imageName?: string;
  since?: number;
  until?: number;
  srcProjectId?: string;
}

const MAX_MS = Number.MAX_SAFE_INTEGER;

/** CPH custom images: the list (section 9.1) and deletion (section 9.6). */
export function registerCphImages(app: Hono<EmuEnv>, emu: Emu): void {
  const base = "/v1/:project_id/cloud-phone/images";

  app.get(base, (c) => {
    const session = authenticate(c, emu);
    checkAccess(c, session, "cph:images:get");
    const query = parseQuery(c);
    const projectId = session.project.id;
    const rows: { image: CphImage; type: ImageType }[] = [];
    for (const image of emu.world.cphImages.values()) {
      const type =
        image.projectId === projectId
          ? "private"
          : emu.world.cphMembers.get(image.id)?.has(projectId)
            ? "share"
            : undefined;
      if (type && query.types.includes(type) && matches(image, query)) rows.push({ image, type });
    }
    rows.sort((a, b) => b.image.createdAt - a.image.createdAt || a.image.id.localeCompare(b.image.id));
    const page = rows.slice(query.offset, query.offset + query.limit);
    return c.json({
      image_infos: page.map(({ image, type }) =>
        imageInfo(image, type, emu.config.disputed.nullOptionalFields === "B"),
      ),
      total: rows.length,
      request_id: c.get("requestId"),
    });
  });

  app.delete(
    `${base}/:image_id`,
    audited(
      emu,
      "delete",
      (c, session, audit) => {
        audit.request = { image_id: audit.image.id };
        checkAccess(c, session, "cph:images:share");
        const image = ownedImage(emu, session, param(c, "image_id"));
        audit.image.name = image.name;
        emu.world.cphImages.delete(image.id);
        emu.world.cphMembers.delete(image.id);
        emu.changed();
      },
      "deleteImage",
    ),
  );
}

/** With `nulls` (section 14 D2, reading B) the owner field a row does not carry is null instead of absent. */
function imageInfo(image: CphImage, type: ImageType, nulls: boolean) {
  return {
    image_id: image.id,
    image_name: image.name,
    image_type: type,
    status: image.status,
    image_version: image.version,
    image_size: image.sizeBytes,
    domain_id: image.domainId,
    ...(type === "private"
      ? { project_id: image.projectId, ...(nulls ? { src_project_id: null } : {}) }
      : { src_project_id: image.projectId, ...(nulls ? { project_id: null } : {}) }),
    create_time: isoSeconds(image.createdAt),
    update_time: isoSeconds(image.updatedAt),
  };
}

function matches(image: CphImage, q: ImageQuery): boolean {
  return (
    (q.status === undefined || image.status === q.status) &&
    (q.imageId === undefined || image.id === q.imageId) &&
    (q.imageName === undefined || image.name === q.imageName) &&
    (q.since === undefined || image.createdAt >= q.since) &&
    (q.until === undefined || image.createdAt <= q.until) &&
    (q.srcProjectId === undefined || image.projectId === q.srcProjectId)
  );
}

function parseQuery(c: Ctx): ImageQuery {
  const offset = intParam(c, "offset", 0, MAX_MS);
  const limit = intParam(c, "limit", 1, 100);
  if (offset === null || limit === null) throw cphError("CPS.0002", "Parameter: offset or limit is invalid.");
  const imageType = c.req.query("image_type") || undefined;
  if (imageType !== undefined && imageType !== "private" && imageType !== "share") {
    throw cphError("CPS.0001", "Parameter: image_type is invalid.");
  }
  const status = intParam(c, "status", 0, 2);
  if (status === null) throw cphError("CPS.0010", "Parameter: status is invalid.");
  const since = intParam(c, "create_since", 0, MAX_MS);
  const until = intParam(c, "create_until", 0, MAX_MS);
  if (since === null) throw cphError("CPS.0001", "Parameter: create_since is invalid.");
  if (until === null) throw cphError("CPS.0001", "Parameter: create_until is invalid.");
  return {
    types: imageType ? [imageType] : ["private", "share"],
    status,
    offset: offset ?? 0,
    limit: limit ?? 100,
    imageId: c.req.query("image_id") || undefined,
    imageName: c.req.query("image_name") || undefined,
    since,
    until,
    srcProjectId: c.req.query("src_project_id") || undefined,
  };
}
