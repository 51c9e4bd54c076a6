/**
 * One CSV cell: a value a spreadsheet would run as a formula (= + - @, or a leading tab or carriage
 * return) gets a leading `'`; cells with quotes, commas or line breaks are quoted (RFC 4180).
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * Reads CSV text (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks) into rows of
 * cells, each with its line number (1-based, where the row starts). Blank lines are dropped; a leading
 * BOM is ignored. An unclosed quote ends the text, as spreadsheets read it.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  const src = text.replace(/^\uFEFF/, "");
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0].trim() !== "") rows.push({ line: start, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      endRow();
      start = ++line;
    } else cell += c;
  }
  if (cell !== "" || cells.length) endRow();
  return rows;
}

/**
 * CSV lines with their heading row (the first line) replaced: the column names in the reader's
 * language, where the rows come from code that writes them in English. The rows stay as they are.
 */
export async function* withHeading(heading: string, lines: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const line of lines) {
    yield first ? heading : line;
    first = false;
  }
}
