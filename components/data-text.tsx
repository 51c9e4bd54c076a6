import type { ReactNode } from "react";

/**
 * The tag for data inside a translated sentence (`t.rich("by", { user, name: dataTag })` with
 * "<name>{user}</name>" in the catalogue): a user, account, project or image name is the cloud's word,
 * shown as it is and marked so that no translator, human or browser, translates it.
 */
export const dataTag = (chunks: ReactNode) => <span translate="no">{chunks}</span>;

/** The tag for code inside a translated sentence (a column name, a setting): `<code>…</code>` in the catalogue. */
export const codeTag = (chunks: ReactNode) => <code className="font-mono text-[0.95em]">{chunks}</code>;
