import { formatDate } from "@/lib/format";

/** A UTC timestamp on two short lines (date, then time), so that narrow tables keep their columns. */
export function DateTime({ value }: { value: string | number | undefined }) {
  const text = formatDate(value);
  const space = text.indexOf(" ");
  if (space < 0) return <span className="text-muted-foreground">{text}</span>;
  return (
    <time dateTime={new Date(value!).toISOString()} className="flex flex-col leading-tight whitespace-nowrap">
      <span>{text.slice(0, space)}</span>
      <span className="text-xs text-muted-foreground">{text.slice(space + 1)}</span>
    </time>
  );
}
