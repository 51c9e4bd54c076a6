import { useTranslations } from "next-intl";
import type { Toast } from "@/components/toaster";
import type { ActionResult } from "@/lib/actions/action";
import type { ShareResultView, UnshareResultView } from "@/lib/sharing/forms";
import { useText } from "@/components/use-text";
import type { Text } from "@/lib/i18n/text";
import type { ImageService, PairOutcome } from "@/lib/sharing/pairs";
import type { Messages } from "@/messages";

/**
 * The words of the share and unshare dialogs. Most differ by service only because IMS shares take several
 * images, projects, accounts and organizations, and CPH shares one image with projects of one region.
 */

/** The `sharing.words` catalogue, as `useTranslations("sharing.words")` reads it (see `sayOf`). */
type WordKey = keyof Messages["sharing"]["words"];
export type Say = ((key: WordKey, values?: Record<string, string | number>) => string) & {
  /** A sentence of lib (a pair's reason) in the same language. */
  text: (sentence: Text) => string;
};

/** The `sharing.words` catalogue for the functions below, in the page's language. */
export function useSay(): Say {
  const t = useTranslations("sharing.words");
  const text = useText();
  return Object.assign((key: WordKey, values?: Record<string, string | number>) => t(key, values), { text });
}

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

export function shareWords(
  say: Say,
  service: ImageService,
  images: number,
  region?: string,
  limit?: number,
): ShareWords {
  if (service === "ims") {
    return {
      description: say("imsDescription"),
      label: say("imsLabel"),
      placeholder: `610be0000000000000000000000000a1\norganizations::<${say("accountIdWord")}>:ou:o-…/ou-…`,
      hint: say("imsHint"),
      send: (n) => say("imsSend", { n }),
      sending: say("imsSending"),
      shared: (n) => (images > 1 ? say("imsSharedPairs", { n }) : say("imsSharedTargets", { n })),
      again: say("imsAgain"),
    };
  }
  const where = region ?? say("cphImageRegion");
  return {
    description: region ? say("cphDescriptionIn", { region }) : say("cphDescription"),
    label: say("cphLabel"),
    placeholder: "610be0000000000000000000000000a1",
    hint: limit ? say("cphHintLimit", { region: where, limit }) : say("cphHint", { region: where }),
    send: (n) => say("cphSend", { n }),
    shared: (n) => say("cphShared", { n }),
    again: say("cphAgain"),
  };
}

type ToastInput = Omit<Toast, "id">;

/** The prefix of a change's toast words in the catalogue: `<prefix>Error`, `<prefix>Nothing`, … */
type Phrases = "shareIms" | "shareCph" | "unshareIms" | "unshareCph";

/** The key of the toasts about these images: a share or unshare's outcome replaces the last one said of them. */
export const toastKey = (images: { id: string }[]) =>
  `image:${images
    .map((i) => i.id)
    .sort()
    .join(",")}`;

export const shareToast = (say: Say, service: ImageService, what: string, result: ActionResult<ShareResultView>) =>
  toastOf(say, service === "ims" ? "shareIms" : "shareCph", what, result);

export const unshareToast = (say: Say, service: ImageService, name: string, result: ActionResult<UnshareResultView>) =>
  toastOf(say, service === "ims" ? "unshareIms" : "unshareCph", name, result);

/** One toast per change: what was done, how many failed, the first failure's reason, and the IMS jobs. */
function toastOf(
  say: Say,
  phrases: Phrases,
  what: string,
  result: ActionResult<{ results: PairOutcome[]; jobIds: string[] }>,
): ToastInput {
  if (!result.ok) {
    const { message, upstreamCode } = result.error;
    return {
      tone: "error",
      title: say(`${phrases}Error`, { what }),
      body: upstreamCode ? `${message} (${upstreamCode})` : message,
    };
  }
  const { results, jobIds } = result.data;
  const done = results.filter((r) => r.outcome === "succeeded").length;
  const failed = results.filter((r) => r.outcome === "failed");
  const jobs = jobIds.length ? say("imsJobs", { ids: jobIds.join(", ") }) : undefined;
  const body = [failed[0]?.reason && say.text(failed[0].reason), jobs].filter(Boolean).join(" · ") || undefined;
  if (done + failed.length === 0) return { tone: "info", title: say(`${phrases}Nothing`), body };
  if (failed.length === 0) return { tone: "success", title: say(`${phrases}Done`, { what, n: done }), body };
  if (done === 0) return { tone: "error", title: say(`${phrases}None`, { what, failed: failed.length }), body };
  const all = done + failed.length;
  return { tone: "error", title: say(`${phrases}Some`, { what, done, all, failed: failed.length }), body };
}
