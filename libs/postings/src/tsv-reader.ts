/** One record of a tab-separated table, with the file line it starts on (1-based). */
export interface TsvRecord {
  line: number;
  cells: string[];
}

/**
 * Reads tab-separated text with RFC 4180-style quoting: a cell that starts with `"` runs to the
 * matching `"` and may hold tabs and newlines (`""` is a literal quote). A quote that never closes
 * is taken literally, so a stray `"` cannot swallow the rest of the file.
 */
export function readTsv(text: string): TsvRecord[] {
  const records: TsvRecord[] = [];
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // Once a quote is found never to close, no later one can: skip the scan (keeps this linear).
  let unclosedFrom = Infinity;
  while (i <= text.length) {
    let cell = '';
    const end = text[i] === '"' && i < unclosedFrom ? closingQuote(text, i + 1) : -1;
    if (end < 0 && text[i] === '"') unclosedFrom = Math.min(unclosedFrom, i);
    if (end >= 0) {
      cell = text.slice(i + 1, end).replace(/""/g, '"');
      line += countNewlines(cell);
      i = end + 1;
    }
    while (i < text.length && text[i] !== '\t' && text[i] !== '\n') cell += text[i++];
    cells.push(cell);
    if (text[i] === '\t') {
      i++;
      continue;
    }
    records.push({ line: recordLine, cells });
    cells = [];
    line++;
    recordLine = line;
    i++;
  }
  return records;
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i++;
    else return i;
  }
  return -1;
}

function countNewlines(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\n') n++;
  return n;
}
