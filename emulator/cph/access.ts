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
    throw cphError(
      "CPS.0001",
      "No permission to request resources: the project in the path is not the token's project.",
      403,
    );
  }
  if (!can(session, permission)) {
    throw cphError("CPS.0001", `No permission to request resources: ${permission} is required.`, 403);
  }
}

/** An image the caller does not know: 400 `CPS.0030`, or 404 with the same code under section 14 D8 reading B. */
export function invalidImage(emu: Emu): never {
  throw cphError("CPS.0030", "Parameter: image_id is invalid.", restStatus(emu, 404));
}

/** Section 14 D8: CPH answers its conflicts and unknown images with 400 (reading A) or `status` (reading B). */
export function restStatus(emu: Emu, status: 404 | 409): number {
  return emu.config.disputed.cphErrorStatus === "B" ? status : 400;
}

/** An image the caller owns; anything else (missing, another tenant's) is an invalid image id. */
export function ownedImage(emu: Emu, session: Session, imageId: string): CphImage {
  const image = emu.world.cphImages.get(imageId);
  if (!image || image.projectId !== session.project.id) invalidImage(emu);
  return image;
}

/** Whether the project may know the image exists: its owner or one of its members. */
export function seesImage(emu: Emu, image: CphImage, projectId: string): boolean {
  return image.projectId === projectId || Boolean(emu.world.cphMembers.get(image.id)?.has(projectId));
}
