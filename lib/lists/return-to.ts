/** The search param a list puts on the links to its items' pages, holding the list's own URL. */
export const BACK_PARAM = "back";

/** Characters a list URL never needs; their presence means the value was not written by a list. */
const UNSAFE = /[\\\s\u0000-\u001f\u007f]/;

/**
 * Where an item page's back link goes: the list URL the user came from when `back` is a relative path
 * on the list's own route (`/images` or `/images?…`), else the list itself. Anything else (another
 * route, another origin, `//host`, a scheme, backslashes, control characters) is ignored, so the
 * parameter can never send a user off the console.
 */
export function returnTo(back: unknown, list: string): string {
  if (typeof back !== "string" || back.length > 2000 || UNSAFE.test(back)) return list;
  if (back !== list && !back.startsWith(`${list}?`)) return list;
  return back;
}

/** An item page's URL with the list's URL to return to; nothing is added for the list's plain URL. */
export function withBack(href: string, list: string): string {
  if (!list.includes("?")) return href;
  return `${href}${href.includes("?") ? "&" : "?"}${BACK_PARAM}=${encodeURIComponent(list)}`;
}
