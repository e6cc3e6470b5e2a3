import { MAX_DEPTH, parseInline, type Inline } from './parse-inline';

/**
 * A small Markdown subset parsed to a plain tree, so the renderer can build React elements and
 * no HTML from the source ever reaches the DOM. Covers what bank prompts use: headings, paragraphs,
 * emphasis, inline code, links, lists (nested), fenced code, pipe tables, quotes and rules.
 */
export type { Inline } from './parse-inline';
export { parseInline, safeHref } from './parse-inline';

export type Align = 'left' | 'center' | 'right' | null;

export type Block =
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'table'; align: Align[]; header: Inline[][]; rows: Inline[][][] }
  | { type: 'quote'; children: Block[] }
  | { type: 'rule' };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^ {0,3}>\s?/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(\s+|$)(.*)$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n'), 0);
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function isTableStart(lines: string[], i: number): boolean {
  return (
    lines[i].includes('|') && i + 1 < lines.length && lines[i + 1].includes('-') && TABLE_DELIMITER.test(lines[i + 1])
  );
}

function startsBlock(lines: string[], i: number): boolean {
  const line = lines[i];
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    RULE.test(line) ||
    QUOTE.test(line) ||
    LIST_ITEM.test(line) ||
    isTableStart(lines, i)
  );
}

function parseBlocks(lines: string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = depth < MAX_DEPTH ? FENCE.exec(line) : null;
    if (fence) {
      const marker = fence[1];
      const body: string[] = [];
      i++;
      while (
        i < lines.length &&
        !(lines[i].trim().startsWith(marker[0].repeat(marker.length)) && lines[i].trim().replace(/[`~]/g, '') === '')
      )
        body.push(lines[i++]);
      i++; // the closing fence (or the end of input)
      blocks.push({ type: 'code', lang: fence[2], text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1].length, children: parseInline(heading[2] ?? '', depth) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (isTableStart(lines, i)) {
      const header = splitRow(line);
      const align = splitRow(lines[i + 1]).map(toAlign);
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && !isBlank(lines[i]) && lines[i].includes('|')) {
        const cells = splitRow(lines[i++]);
        rows.push(header.map((_, c) => parseInline(cells[c] ?? '', depth)));
      }
      blocks.push({
        type: 'table',
        align: header.map((_, c) => align[c] ?? null),
        header: header.map((h) => parseInline(h, depth)),
        rows,
      });
      continue;
    }
    if (QUOTE.test(line) && depth < MAX_DEPTH) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) body.push(lines[i++].replace(QUOTE, ''));
      blocks.push({ type: 'quote', children: parseBlocks(body, depth + 1) });
      continue;
    }
    if (LIST_ITEM.test(line) && depth < MAX_DEPTH) {
      const [list, next] = parseList(lines, i, depth);
      blocks.push(list);
      i = next;
      continue;
    }
    const para: string[] = [line];
    i++;
    while (i < lines.length && !isBlank(lines[i]) && !startsBlock(lines, i)) para.push(lines[i++]);
    blocks.push({ type: 'paragraph', children: parseInline(joinLines(para), depth) });
  }
  return blocks;
}

function parseList(lines: string[], start: number, depth: number): [Block, number] {
  const first = LIST_ITEM.exec(lines[start])!;
  const ordered = /\d/.test(first[2]);
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i]);
    if (!m || /\d/.test(m[2]) !== ordered) break;
    const indent = m[1].length + m[2].length + Math.min(m[3].length || 1, 4);
    const body: string[] = [m[4]];
    i++;
    while (i < lines.length) {
      const line = lines[i];
      if (isBlank(line)) {
        let j = i;
        while (j < lines.length && isBlank(lines[j])) j++;
        if (j < lines.length && leadingSpaces(lines[j]) >= indent) {
          body.push('');
          i++;
          continue;
        }
        break;
      }
      if (leadingSpaces(line) >= Math.min(indent, 2)) {
        body.push(line.slice(Math.min(indent, leadingSpaces(line))));
        i++;
        continue;
      }
      // A lazy continuation line belongs to the item's paragraph; a new block ends the item.
      if (startsBlock(lines, i) || isBlank(body[body.length - 1])) break;
      body.push(line.trim());
      i++;
    }
    items.push(parseBlocks(body, depth + 1));
    while (i < lines.length && isBlank(lines[i]) && i + 1 < lines.length && LIST_ITEM.test(lines[i + 1])) i++;
  }
  return [{ type: 'list', ordered, start: ordered ? parseInt(first[2], 10) : 1, items }, i];
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Soft line breaks: a space between Latin words, nothing between CJK characters (a space there would
 * show); two trailing spaces or a backslash make a hard break, kept as a newline for parseInline.
 */
function joinLines(lines: string[]): string {
  let out = '';
  lines.forEach((raw, n) => {
    const line = raw.trim();
    if (n > 0) {
      const prev = lines[n - 1];
      if (/( {2,}|\\)$/.test(prev)) out = out.replace(/\\$/, '') + '\n';
      else if (!(/[\u3000-\u9fff\uff00-\uffef]$/.test(out) && /^[\u3000-\u9fff\uff00-\uffef]/.test(line))) out += ' ';
    }
    out += line;
  });
  return out;
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
      continue;
    }
    if (c === '`') inCode = !inCode;
    if (c === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
      continue;
    }
    cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

function toAlign(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
}
