import type { Toast } from "@/components/toaster";
import type { ActionResult } from "@/lib/actions/action";
import type { ShareResultView, UnshareResultView } from "@/lib/sharing/forms";
import { plural } from "@/lib/format";
import type { ImageService, PairOutcome } from "@/lib/sharing/pairs";

export { plural };

/**
 * The words of the share and unshare dialogs. Most differ by service only because IMS shares take several
 * images, projects, accounts and organizations, and CPH shares one image with projects of one region.
 */

export interface ShareWords {
  description: string;
  label: string;
  placeholder: string;
  hint: string;
  /** The label of the send button for this many pairs to add. */
  send: (n: number) => string;
  /** Shown while the share is being sent. */
  sending?: string;
  /** The first part of the summary of a share, for this many pairs shared. */
  shared: (n: number) => string;
  again: string;
}

export function shareWords(service: ImageService, images: number, region?: string, limit?: number): ShareWords {
  if (service === "ims") {
    return {
      description: "Recipients see the image as pending until they accept it. Nothing is sent until you confirm.",
      label: "Targets",
      placeholder: "610be0000000000000000000000000a1\norganizations::<account id>:ou:o-…/ou-…",
      hint: "One per line, or separated by spaces or commas; up to 100. Organization URNs are recognised as such.",
      send: (n) => `Share ${plural(n, "pair")}`,
      sending: "Sharing… waiting for the IMS job to apply each pair.",
      shared: (n) => (images > 1 ? `Shared ${plural(n, "pair")}` : `Shared with ${plural(n, "target")}`),
      again: "Share with more targets",
    };
  }
  const where = region ? ` in ${region}` : "";
  const most = limit ? `, with at most ${limit} projects per image` : "";
  return {
    description: `Paste the ids of projects${where}. Check targets shows what will happen to each before anything is sent.`,
    label: "Project ids",
    placeholder: "610be0000000000000000000000000a1",
    hint: `32-character project ids, separated by spaces, commas or new lines. CPH shares within ${region ?? "the image's region"} only${most}.`,
    send: (n) => `Share with ${plural(n, "project")}`,
    shared: (n) => `Shared with ${plural(n, "project")}`,
    again: "Share with more projects",
  };
}

type ToastInput = Omit<Toast, "id">;

interface Phrases {
  error: (what: string) => string;
  nothing: string;
  done: (what: string, n: number) => string;
  none: (what: string, failed: number) => string;
  some: (what: string, done: number, all: number) => string;
}

const SHARE: Record<ImageService, Phrases> = {
  ims: {
    error: (what) => `Sharing ${what} failed`,
    nothing: "Nothing needed sending: every target was already a member or blocked",
    done: (what, n) => `Shared ${what} with ${plural(n, "target")}`,
    none: (what, failed) => `Shared ${what}: 0 done, ${failed} failed`,
    some: (what, done, all) => `Shared ${what}: ${done} done, ${all - done} failed`,
  },
  cph: {
    error: (what) => `Could not share ${what}`,
    nothing: "Nothing to share: every target was skipped or blocked",
    done: (what, n) => `Shared ${what} with ${plural(n, "project")}`,
    none: (what, failed) => `Could not share ${what} with ${plural(failed, "project")}`,
    some: (what, done, all) => `Shared ${what} with ${done} of ${plural(all, "project")}`,
  },
};

const UNSHARE: Record<ImageService, Phrases> = {
  ims: {
    error: (name) => `Could not remove members of ${name}`,
    nothing: "Nothing to remove: none of them is a member any more",
    done: (name, n) => `Removed ${plural(n, "member")} of ${name}`,
    none: (name, failed) => `Removed 0 of ${failed} members of ${name}`,
    some: (name, done, all) => `Removed ${done} of ${all} members of ${name}`,
  },
  cph: {
    error: (name) => `Could not stop sharing ${name}`,
    nothing: "Nothing to remove: none of them is a member any more",
    done: (name, n) => `Stopped sharing ${name} with ${plural(n, "project")}`,
    none: (name, failed) => `Could not stop sharing ${name} with ${plural(failed, "project")}`,
    some: (name, done, all) => `Stopped sharing ${name} with ${done} of ${plural(all, "project")}`,
  },
};

/** The key of the toasts about these images: a share or unshare's outcome replaces the last one said of them. */
export const toastKey = (images: { id: string }[]) =>
  `image:${images
    .map((i) => i.id)
    .sort()
    .join(",")}`;

export const shareToast = (service: ImageService, what: string, result: ActionResult<ShareResultView>) =>
  toastOf(SHARE[service], what, result);

export const unshareToast = (service: ImageService, name: string, result: ActionResult<UnshareResultView>) =>
  toastOf(UNSHARE[service], name, result);

/** One toast per change: what was done, how many failed, the first failure's reason, and the IMS jobs. */
function toastOf(
  say: Phrases,
  what: string,
  result: ActionResult<{ results: PairOutcome[]; jobIds: string[] }>,
): ToastInput {
  if (!result.ok) {
    const { message, upstreamCode } = result.error;
    return { tone: "error", title: say.error(what), body: upstreamCode ? `${message} (${upstreamCode})` : message };
  }
  const { results, jobIds } = result.data;
  const done = results.filter((r) => r.outcome === "succeeded").length;
  const failed = results.filter((r) => r.outcome === "failed");
  const jobs = jobIds.length ? `IMS job ${jobIds.join(", ")}` : undefined;
  const body = [failed[0]?.reason, jobs].filter(Boolean).join(" · ") || undefined;
  if (done + failed.length === 0) return { tone: "info", title: say.nothing, body };
  if (failed.length === 0) return { tone: "success", title: say.done(what, done), body };
  if (done === 0) return { tone: "error", title: say.none(what, failed.length), body };
  return { tone: "error", title: say.some(what, done, done + failed.length), body };
}
