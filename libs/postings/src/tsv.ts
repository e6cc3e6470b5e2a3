import type { DocLine, ParsedPosting } from './types';
import { PostingParseError } from './errors';
import { readHtmlLines } from './html-lines';
import { readTextLines } from './text-lines';
import { isSubHeading } from './postings-from-lines';
import { deriveTitle } from './derive-title';
import { parseHeadcount } from './posting-draft';
import { normalizeSpace } from './text-utils';
import { readTsv } from './tsv-reader';
import { DUTY_NAMES, TITLE_NAMES, looksLikeHeader, mapColumns, type Column } from './tsv-columns';

const TAG_START = /<\/?[a-zA-Z]/;

/** Whether a cell holds a tag: a tag start and a `>` after the first one (linear, unlike `<\/?[a-zA-Z][^>]*>`). */
function hasTag(cell: string): boolean {
  const start = TAG_START.exec(cell);
  return start !== null && cell.includes('>', start.index);
}

/** The items of one table cell: numbered text, bullets or an HTML fragment; group headings dropped. */
export function cellItems(cell: string): string[] {
  const lines: DocLine[] = hasTag(cell) ? readHtmlLines(cell) : readTextLines(cell, false);
  return lines.filter((line, i) => !isSubHeading(line, lines[i + 1])).map((line) => line.text);
}

/**
 * Parses a table of postings (one row each). The header row may repeat (tables pasted one after
 * another); every data row must have as many cells as the header.
 */
export function parseTsv(text: string, warnings: string[]): ParsedPosting[] {
  const postings: ParsedPosting[] = [];
  let header: string[] | undefined;
  let columns: Partial<Record<Column, number>> = {};
  for (const { line, cells } of readTsv(text)) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (looksLikeHeader(cells)) {
      header = cells.map(normalizeSpace);
      while (header.length > 0 && header[header.length - 1] === '') header.pop();
      columns = requireColumns(mapColumns(header), header, line);
      continue;
    }
    // Lines before the header are the table's caption (`中国银联2026年度社会招聘岗位及要求`).
    if (!header) continue;
    const used = trimTrailingEmpty(cells, header.length);
    if (used.length !== header.length) {
      throw new PostingParseError(
        `Row ${line} has ${used.length} ${used.length === 1 ? 'cell' : 'cells'} but the header has ${header.length} (${header.join(', ')}).`,
        { problem: 'table-row-cells', params: { line, cells: used.length, expected: header.length } },
      );
    }
    const posting = rowToPosting(used, columns, line, warnings);
    if (posting) postings.push(posting);
  }
  if (!header) {
    throw new PostingParseError(
      `The table has no header row with a title column (${TITLE_NAMES}) and a duties column (${DUTY_NAMES}).`,
      { problem: 'table-header-missing' },
    );
  }
  return postings;
}

function trimTrailingEmpty(cells: string[], wanted: number): string[] {
  const used = [...cells];
  while (used.length > wanted && used[used.length - 1].trim() === '') used.pop();
  return used;
}

function requireColumns(columns: Partial<Record<Column, number>>, header: string[], line: number) {
  const missingKeys = (['title', 'duties'] as const).filter((key) => columns[key] === undefined);
  const missing = [
    columns.title === undefined ? `title column (${TITLE_NAMES})` : undefined,
    columns.duties === undefined ? `duties column (${DUTY_NAMES})` : undefined,
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new PostingParseError(
      `The header on row ${line} (${header.join(', ')}) has no ${missing.join(' and no ')}.`,
      {
        problem: 'table-columns-missing',
        params: { line, header: header.join(', '), missing: missingKeys.join(', ') },
      },
    );
  }
  return columns;
}

function rowToPosting(
  cells: string[],
  columns: Partial<Record<Column, number>>,
  line: number,
  warnings: string[],
): ParsedPosting | undefined {
  const cell = (column: Column) => (columns[column] === undefined ? '' : cells[columns[column]!]);
  const duties = cellItems(cell('duties'));
  let title = normalizeSpace(cell('title'));
  if (duties.length === 0) {
    warnings.push(`Row ${line}${title ? ` (${title})` : ''} has no duty lines and was skipped.`);
    return undefined;
  }
  if (!title) {
    title = deriveTitle(duties);
    warnings.push(`Row ${line} has no title; “${title}” was derived from its duty lines. Please check it.`);
  }
  const headcountText = normalizeSpace(cell('headcount'));
  const headcount = headcountText ? parseHeadcount(headcountText) : undefined;
  if (headcountText && headcount === undefined) {
    warnings.push(`Row ${line} (${title}): headcount “${headcountText}” is not a number; it was left empty.`);
  }
  const department = normalizeSpace(cell('department'));
  const location = normalizeSpace(cell('location'));
  return {
    title,
    ...(department ? { department } : {}),
    ...(location ? { location } : {}),
    ...(headcount !== undefined ? { headcount } : {}),
    duties,
    requirements: cellItems(cell('requirements')),
  };
}
