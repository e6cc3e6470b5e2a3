import { memoIndexOf } from './scan';

/** One record of a tab-separated table, with the file line it starts on (1-based). */
export interface TsvRecord {
  line: number;
  cells: string[];
  /** Cells (by index) that start with a `"` read as text because it does not close within the cell. */
  unclosedQuotes?: number[];
}

/**
 * Reads tab-separated text with RFC 4180-style quoting: a cell that starts with `"` runs to the
 * matching `"` and may hold newlines (`""` is a literal quote). The closing quote must end the cell
 * (a tab, a newline or the end follows it) and the quoted text may not hold a tab: a stray `"` at
 * the start of a cell (`"Java` …) is then text, and cannot swallow the rows up to the next quote
 * somewhere else in the file. Such cells are listed in `unclosedQuotes`.
 */
export function readTsv(text: string): TsvRecord[] {
  const records: TsvRecord[] = [];
  const nextTab = memoIndexOf(text, '\t');
  let cells: string[] = [];
  let unclosed: number[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // Once a quote is found never to close, no later one can: skip the scan (keeps this linear).
  let unclosedFrom = Infinity;
  while (i <= text.length) {
    let cell = '';
    if (text[i] === '"') {
      const end = i < unclosedFrom ? closingQuote(text, i + 1) : -1;
      if (end < 0) unclosedFrom = Math.min(unclosedFrom, i);
      const tab = nextTab(i + 1);
      if (end >= 0 && endsCell(text, end + 1) && (tab < 0 || tab > end)) {
        cell = text.slice(i + 1, end).replace(/""/g, '"');
        line += countNewlines(cell);
        i = end + 1;
      } else {
        unclosed.push(cells.length);
      }
    }
    while (i < text.length && text[i] !== '\t' && text[i] !== '\n') cell += text[i++];
    cells.push(cell);
    if (text[i] === '\t') {
      i++;
      continue;
    }
    records.push({ line: recordLine, cells, ...(unclosed.length > 0 ? { unclosedQuotes: unclosed } : {}) });
    cells = [];
    unclosed = [];
    line++;
    recordLine = line;
    i++;
  }
  return records;
}

function endsCell(text: string, at: number): boolean {
  return at >= text.length || text[at] === '\t' || text[at] === '\n';
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
