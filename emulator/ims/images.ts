import type { Hono } from "hono";
import type { Ctx, Emu, EmuEnv } from "../core/context";
import { glanceError } from "../core/errors";
import { registerImsDiscovery } from "./discovery";
import { imageReader, parseImageQuery, selectImages } from "./image-query";
import { imageView, sight } from "./image-view";
import { countedMembers } from "./rules";

/** IMS image reads: the extension and native lists, image detail, quotas, and version discovery. */
export function registerImsImages(app: Hono<EmuEnv>, emu: Emu): void {
  app.get("/v2/cloudimages", (c) => {
    const { project } = imageReader(c, emu);
    const { page } = selectImages(emu, project.id, parseImageQuery(c, 500));
    return c.json({ images: page.map((s) => imageView(s, emu.config.disputed)) });
  });

  app.get("/v2/images", (c) => {
    const { project } = imageReader(c, emu);
    const query = parseImageQuery(c, 25);
    const { page, more } = selectImages(emu, project.id, query);
    const last = page[page.length - 1];
    return c.json({
      images: page.map((s) => imageView(s, emu.config.disputed)),
      first: listLink(c, {}),
      schema: "/v2/schemas/images",
      ...(more && last ? { next: listLink(c, { marker: last.image.id, limit: String(query.limit) }) } : {}),
    });
  });

  app.get("/v2/images/:image_id", (c) => {
    const { project } = imageReader(c, emu);
    const id = c.req.param("image_id");
    const image = emu.world.images.get(id);
    const seen = image && sight(emu, image, project.id);
    if (!seen) throw glanceError(404, `No image found with ID ${id}`);
    return c.json(imageView(seen, emu.config.disputed));
  });

  app.get("/v1/cloudimages/quota", (c) => {
    const { project } = imageReader(c, emu);
    let images = 0;
    let shared = 0;
    let members = 0;
    for (const image of emu.world.images.values()) {
      if (image.owner !== project.id || image.status === "deleted" || image.imagetype !== "private") continue;
      images++;
      if (emu.world.memberCount(image.id) > 0) shared++;
      members = Math.max(members, countedMembers(emu, image.id));
    }
    const limit = emu.config.memberLimit;
    return c.json({
      quotas: {
        resources: [
          { type: "image", used: images, quota: emu.config.imageQuota, min: 1, max: 1000 },
          { type: "image_shared", used: shared, quota: emu.config.imageQuota, min: 1, max: 1000 },
          // image_member is a per-image limit, so `used` is the fullest own image (members counted as the limit counts them).
          { type: "image_member", used: members, quota: limit, min: 1, max: limit },
        ],
      },
    });
  });

  registerImsDiscovery(app, emu);
}

/** `first` and `next` of the native list: the request's own parameters with marker and limit replaced. */
function listLink(c: Ctx, page: { marker?: string; limit?: string }): string {
  const params = new URLSearchParams();
  if (page.marker) params.set("marker", page.marker);
  if (page.limit) params.set("limit", page.limit);
  for (const [k, v] of new URL(c.req.url).searchParams) {
    if (k === "marker" || (k === "limit" && page.limit)) continue;
    params.append(k, v);
  }
  const query = params.toString();
  return query ? `/v2/images?${query}` : "/v2/images";
}
