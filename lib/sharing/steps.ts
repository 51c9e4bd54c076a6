import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ChangeContext } from "./context";
import type { shareInput, unshareInput } from "./forms";
import type { ImageService } from "./pairs";
import { planShareOf, shareOf } from "./share";
import { unshareOf } from "./unshare";
import { leaseMembersOf, type leaseMembersInput } from "./lease-members";

/**
 * What an image page's plan, share, unshare and end-date actions run for one service; a change refreshes every page
 * below `path`. Each page's actions keep their own id schemas and names.
 */
export function sharingSteps(service: ImageService, path: string) {
  const refreshing = async <T>(change: Promise<T>) => {
    const result = await change;
    revalidatePath(path, "layout");
    return result;
  };
  return {
    plan: (input: z.output<typeof shareInput>, ctx: ChangeContext) => planShareOf(service, input, ctx),
    share: (input: z.output<typeof shareInput>, ctx: ChangeContext) => refreshing(shareOf(service, input, ctx)),
    unshare: (input: z.output<typeof unshareInput>, ctx: ChangeContext) => refreshing(unshareOf(service, input, ctx)),
    lease: (input: z.output<typeof leaseMembersInput>, ctx: ChangeContext) =>
      refreshing(leaseMembersOf(service, input, ctx)),
  };
}
