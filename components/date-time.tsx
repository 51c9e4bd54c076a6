import { formatAgo, formatDate } from "@/lib/format";

/**
 * A UTC timestamp on two short lines (date, then time), so that narrow tables keep their columns;
 * with `relative`, a third says how long ago ("just now", "3 hours ago").
 */
export function DateTime({ value, relative = false }: { value: string | number | undefined; relative?: boolean }) {
  const text = formatDate(value);
  const space = text.indexOf(" ");
  if (space < 0) return <span className="text-muted-foreground">{text}</span>;
  return (
    <time dateTime={new Date(value!).toISOString()} className="flex flex-col leading-tight whitespace-nowrap">
      <span>{text.slice(0, space)}</span>
      <span className="text-xs text-muted-foreground">{text.slice(space + 1)}</span>
      {relative && (
        // The server's clock and the browser's differ by the render's delay: the browser's wins.
        <span className="text-xs text-muted-foreground" suppressHydrationWarning>
          {formatAgo(value!)}
        </span>
      )}
    </time>
  );
}
