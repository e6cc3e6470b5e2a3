import type { DocLine, LineGroup, ParsedPosting, ParseWarning } from './types';
import { PostingParseError } from './errors';
import { findGroupLabels } from './group-labels';
import { readHtmlLines } from './html-lines';
import { readTextLines } from './text-lines';
import { deriveTitle } from './derive-title';
import { closeGroup, endGroupAtSibling, newDraft, openGroup, parseHeadcount, pushLine } from './posting-draft';
import { normalizeSpace } from './text-utils';
import { readTsv, type TsvRecord } from './tsv-reader';
import { DUTY_NAMES, TITLE_NAMES, looksLikeHeader, mapColumns, type Column } from './tsv-columns';
import { HTML_TAG_START } from './detect-format';
import { WarningLog, lineNotPlaced, makeWarning, quote } from './warnings';

/**
 * Whether a cell holds HTML: a tag of a real element (`<br>`, `<ol>`) and a `>` after it. Other
 * angle brackets (`Map<String, List>`) are text.
 */
function hasTag(cell: string): boolean {
  const start = HTML_TAG_START.exec(cell);
  return start !== null && cell.includes('>', start.index);
}

/**
 * The lines of one table cell (numbered text, bullets or an HTML fragment), their sub-headings, and
 * any sub-heading with no line under it (to report). Lines are kept as a posting's are, by a draft.
 */
export function cellItems(
  cell: string,
  kind: LineGroup['kind'],
  line: number,
): { lines: string[]; groups: LineGroup[]; unplaced: string[] } {
  const docLines: DocLine[] = hasTag(cell) ? readHtmlLines(cell, line) : readTextLines(cell, false);
  const labels = findGroupLabels(docLines);
  const draft = newDraft();
  draft.section = kind === 'duty' ? 'duties' : 'requirements';
  docLines.forEach((docLine, i) => {
    if (labels[i]) return openGroup(draft, docLine);
    endGroupAtSibling(draft, docLine);
    pushLine(draft, docLine.text);
  });
  closeGroup(draft);
  return {
    lines: kind === 'duty' ? draft.duties : draft.requirements,
    groups: draft.groups,
    unplaced: draft.unplaced.map((unplaced) => unplaced.text),
  };
}

/**
 * Parses a table of postings (one row each). The header row may repeat (tables pasted one after
 * another); every data row must have as many cells as the header. Lines before the first header
 * are reported, not read.
 */
export function parseTsv(text: string, log: WarningLog): ParsedPosting[] {
  const postings: ParsedPosting[] = [];
  let header: string[] | undefined;
  let columns: Partial<Record<Column, number>> = {};
  const beforeHeader: TsvRecord[] = [];
  for (const record of readTsv(text)) {
    const { line, cells } = record;
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (looksLikeHeader(cells)) {
      if (!header) reportBeforeHeader(beforeHeader, line, log);
      header = cells.map(normalizeSpace);
      while (header.length > 0 && header[header.length - 1] === '') header.pop();
      const map = mapColumns(header);
      columns = requireColumns(map.columns, header, line);
      for (const { column, header: name } of map.guessed)
        log.add(
          'column-guessed',
          `The column “${name}” (row ${line}) was read as the ${column} column. Please check it.`,
          { column, header: name, row: line },
          { line },
        );
      continue;
    }
    if (!header) {
      beforeHeader.push(record);
      continue;
    }
    const used = trimTrailingEmpty(cells, header.length);
    if (used.length !== header.length) {
      throw new PostingParseError(
        `Row ${line} has ${used.length} ${used.length === 1 ? 'cell' : 'cells'} but the header has ${header.length} (${header.join(', ')}).`,
        { problem: 'table-row-cells', params: { line, cells: used.length, expected: header.length } },
      );
    }
    const { posting, warnings } = rowToPosting(record, used, columns);
    if (posting) postings.push(posting);
    log.adopt(warnings, posting ? postings.length - 1 : undefined);
  }
  if (!header) {
    throw new PostingParseError(
      `The table has no header row with a title column (${TITLE_NAMES}) and a duties column (${DUTY_NAMES}).`,
      { problem: 'table-header-missing' },
    );
  }
  return postings;
}

/** Rows before the header (a caption, notes): said once, with the first of them. */
function reportBeforeHeader(records: TsvRecord[], headerLine: number, log: WarningLog): void {
  if (records.length === 0) return;
  const first = normalizeSpace(records[0].cells.join(' '));
  const count = records.length;
  log.add(
    'rows-before-header',
    `${count === 1 ? '1 line' : `${count} lines`} before the table's header (row ${headerLine}) ${count === 1 ? 'was' : 'were'} not read as postings: “${quote(first)}”.`,
    { count, header: headerLine, text: quote(first) },
    { line: records[0].line },
  );
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
  record: TsvRecord,
  cells: string[],
  columns: Partial<Record<Column, number>>,
): { posting?: ParsedPosting; warnings: ParseWarning[] } {
  const { line } = record;
  const warnings: ParseWarning[] = [];
  const cell = (column: Column) => (columns[column] === undefined ? '' : cells[columns[column]!]);
  const duties = cellItems(cell('duties'), 'duty', line);
  let title = normalizeSpace(cell('title'));
  for (const index of record.unclosedQuotes ?? []) {
    warnings.push(
      makeWarning(
        'quote-unclosed',
        `Row ${line}: the “"” at the start of cell ${index + 1} does not close within the cell, so it was read as text.`,
        { row: line, cell: index + 1 },
        { line },
      ),
    );
  }
  if (duties.lines.length === 0) {
    warnings.push(
      makeWarning(
        'row-skipped',
        `Row ${line}${title ? ` (${title})` : ''} has no duty lines and was skipped.`,
        { row: line, title },
        { line },
      ),
    );
    return { warnings };
  }
  if (!title) {
    title = deriveTitle(duties.lines);
    warnings.push(
      makeWarning(
        'title-derived',
        `Row ${line} has no title; “${title}” was derived from its duty lines. Please check it.`,
        { title, row: line },
        { line },
      ),
    );
  }
  const headcountText = normalizeSpace(cell('headcount'));
  const headcount = headcountText ? parseHeadcount(headcountText) : undefined;
  if (headcountText && headcount === undefined) {
    warnings.push(
      makeWarning(
        'headcount-invalid',
        `Row ${line} (${title}): headcount “${headcountText}” is not a number; it was left empty.`,
        { value: headcountText, row: line },
        { line },
      ),
    );
  }
  const department = normalizeSpace(cell('department'));
  const location = normalizeSpace(cell('location'));
  const requirements = cellItems(cell('requirements'), 'requirement', line);
  const groups = [...duties.groups, ...requirements.groups];
  for (const text of [...duties.unplaced, ...requirements.unplaced]) warnings.push(lineNotPlaced(text, line));
  return {
    posting: {
      title,
      ...(department ? { department } : {}),
      ...(location ? { location } : {}),
      ...(headcount !== undefined ? { headcount } : {}),
      duties: duties.lines,
      requirements: requirements.lines,
      ...(groups.length > 0 ? { groups } : {}),
    },
    warnings,
  };
}
