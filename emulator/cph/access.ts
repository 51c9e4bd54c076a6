import { can, type Ctx, type Emu, type Session } from "../core/context";
import { cphError } from "../core/errors";
import type { Permission, CphImage } from "../store/types";

/** Path parameters are always present on the routes that read them; "" keeps the types honest. */
export function param(c: Ctx, name: string): string {
  return c.req.param(name) ?? "";
}

/** The path project must be the token's (403, reference 11.1.3) and the user must hold `permission`. */
export function checkAccess(c: Ctx, session: Session, permission: Permission): void {
  if (param(c, "project_id") !== session.project.id) {
    throw cphError("CPS.0001", "No permission to request resources: the project in the path is not the token's project.", 403);
  }
  if (!can(session, permission)) {
    throw cphError("CPS.0001", `No permission to request resources: ${permission} is required.`, 403);
  }
}

export function invalidImage(): never {
  throw cphError("CPS.0030", "Parameter: image_id is invalid.");
}

/** An image the caller owns; anything else (missing, another tenant's) is an invalid image id. */
export function ownedImage(emu: Emu, session: Session, imageId: string): CphImage {
  const image = emu.world.cphImages.get(imageId);
  if (!image || image.projectId !== session.project.id) invalidImage();
  return image;
}

/** Whether the project may know the image exists: its owner or one of its members. */
export function seesImage(emu: Emu, image: CphImage, projectId: string): boolean {
  return image.projectId === projectId || Boolean(emu.world.cphMembers.get(image.id)?.has(projectId));
}
