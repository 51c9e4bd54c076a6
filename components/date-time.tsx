import { useFormatter, useTranslations } from "next-intl";
import { formatUtc } from "@/lib/format";
import { DAY, formatAgo, TIME, toDate } from "@/lib/i18n/format";

/**
 * A moment on two short lines (day, then time), so that narrow tables keep their columns, in the
 * reader's language and time zone (lib/i18n/request.ts), with the UTC time on hover; with `relative`, a
 * third says how long ago ("just now", "3 hours ago").
 */
export function DateTime({ value, relative = false }: { value: string | number | undefined; relative?: boolean }) {
  const format = useFormatter();
  const words = useTranslations("common.time");
  const date = toDate(value);
  if (!date) return <span className="text-muted-foreground">—</span>;
  return (
    <time
      dateTime={date.toISOString()}
      title={formatUtc(date)}
      className="flex flex-col leading-tight whitespace-nowrap"
    >
      <span>{format.dateTime(date, DAY)}</span>
      <span className="text-xs text-muted-foreground">{format.dateTime(date, TIME)}</span>
      {relative && (
        // The server's clock and the browser's differ by the render's delay: the browser's wins.
        <span className="text-xs text-muted-foreground" suppressHydrationWarning>
          {formatAgo(format, words, date)}
        </span>
      )}
    </time>
  );
}

/** A moment on one line ("Nov 22, 2026, 14:05 UTC"), the UTC time on hover; `day` leaves the time out. */
export function When({ value, day = false }: { value: string | number | undefined; day?: boolean }) {
  const format = useFormatter();
  const date = toDate(value);
  if (!date) return <>—</>;
  return (
    <time dateTime={date.toISOString()} title={formatUtc(date)}>
      {format.dateTime(date, day ? DAY : { ...DAY, ...TIME })}
    </time>
  );
}
