import type { Page } from "@playwright/test";

/**
 * Words Huawei Cloud's own Chinese console and documentation write in Latin letters, so a Chinese page
 * may show them too: the services' abbreviations (镜像服务（IMS）, 云手机服务器（CPH）, 云审计服务（CTS）,
 * 云备份（CBR）, 弹性云服务器（ECS）, 统一身份认证（IAM）, 数据加密服务（KMS）), ISO 镜像, the file
 * formats of the exports (CSV, JSON), the time zone (UTC), organization URNs, the hash of History's
 * chain (SHA-256), IAM's Token (GLOSSARY.md), the tools of "华为云 CLI" and "SDK", and the operating
 * systems IMS and CPH name in Latin letters (Windows 镜像, Linux 镜像, Android 版本), and the words of
 * notifications Huawei Cloud's Chinese pages and the robots' own (DingTalk, WeCom, Feishu) write so:
 * 消息通知服务（SMN）, Webhook, HTTP and URL, and API (Huawei Cloud's API 网关, API 参考). Two-letter words
 * (ID, OK) are never counted. Anything else in Latin letters is English left untranslated, unless the
 * markup says it is data (`translate="no"`).
 */
export const LATIN_IN_CHINESE = new Set([
  "IMS",
  "CPH",
  "CTS",
  "CBR",
  "ECS",
  "IAM",
  "KMS",
  "ISO",
  "CSV",
  "JSON",
  "YAML",
  "UTC",
  "URN",
  "SHA",
  "Token",
  "CLI",
  "SDK",
  "Windows",
  "Linux",
  "Android",
  "SMN",
  "Webhook",
  "HTTP",
  "URL",
  "API",
]);

export interface LatinWord {
  word: string;
  /** The text it was found in (trimmed), to find its source by. */
  text: string;
}

/**
 * Every word of three Latin letters or more the page shows (screen-reader-only text included), outside
 * what the markup marks as data or code (`[translate="no"]`, `code`, `kbd`, `pre`), form fields' values, and
 * text marked as written in another language (`lang="en"` on "English" in the language menu).
 * A token with a digit in it (`IMG.0088`, `app-40`, `ap-southeast-1`, a hex id) is a code, not a word.
 */
export async function latinWords(page: Page, allowed = LATIN_IN_CHINESE): Promise<LatinWord[]> {
  const found = await page.evaluate(() => {
    // Data and code, form fields' values, and text in another language on purpose (a language's own name).
    const skip =
      '[translate="no"], code, kbd, pre, script, style, noscript, template, textarea, input, select, [lang]:not([lang|="zh"])';
    const out: { word: string; text: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      if (!parent || !/[A-Za-z]{3}/.test(text) || parent.closest(skip)) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      for (const token of text.match(/[A-Za-z0-9]+(?:[-._:/][A-Za-z0-9]+)*/g) ?? []) {
        if (/[0-9]/.test(token)) continue;
        for (const word of token.split(/[-._:/]/)) {
          if (word.length >= 3) out.push({ word, text: text.trim().slice(0, 100) });
        }
      }
    }
    return out;
  });
  return found.filter((w) => !allowed.has(w.word));
}
