import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { say, type RootTranslator, type Text } from "@/lib/i18n/text";
import { MESSAGES } from "@/messages";
import type { OutgoingEvent } from "@/lib/notify/webhook";
import type { StoredNotice } from "@/lib/notify/store";

const translators = new Map<Locale, RootTranslator>();

function translator(locale: Locale): RootTranslator {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as RootTranslator;
    translators.set(locale, t);
  }
  return t;
}

/** Dates travel as epoch milliseconds (`when`, `until`) and are said here, in UTC: a receiver has no time zone of ours. */
function withDates(sentence: Text, locale: Locale): Text {
  if (!sentence.values) return sentence;
  const values = { ...sentence.values };
  for (const k of ["when", "until"])
    if (typeof values[k] === "number")
      values[k] = new Intl.DateTimeFormat(locale, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "UTC",
        timeZoneName: "short",
      }).format(values[k] as number);
  // How long something waited, in milliseconds: said in hours, or in days past two of them.
  if (typeof values.waited === "number") {
    const hours = Math.max(1, Math.round(values.waited / 3_600_000));
    const [value, unit] = hours >= 48 ? [Math.round(hours / 24), "day"] : [hours, "hour"];
    values.waited = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
  }
  return { ...sentence, values };
}

/** A stored notice as it is sent: its sentences in the account's language, its link absolute where it can be. */
export function renderNotice(id: string, notice: StoredNotice, publicUrl: string | undefined): OutgoingEvent {
  const t = translator(notice.language);
  const base = publicUrl?.replace(/\/+$/, "");
  return {
    id,
    type: notice.type,
    occurredAt: notice.occurredAt,
    account: { id: notice.accountId, name: notice.accountName },
    ...(notice.project && { project: notice.project }),
    title: say(t, withDates(notice.title, notice.language)),
    text: say(t, withDates(notice.text, notice.language)),
    ...(notice.link && { link: base ? `${base}${notice.link}` : notice.link }),
    data: notice.data,
  };
}
