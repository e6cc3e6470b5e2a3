import type { ParsedDocument, PostingInput, ParsedPosting, PostingFormat } from './types';
import { PostingParseError } from './errors';
import { decodeInput } from './decode-input';
import { detectFormat } from './detect-format';
import { readHtmlLines } from './html-lines';
import { readTextLines } from './text-lines';
import { postingsFromLines } from './postings-from-lines';
import { parseTsv } from './tsv';
import { WarningLog } from './warnings';

function parseByFormat(format: PostingFormat, text: string, warnings: WarningLog): ParsedPosting[] {
  switch (format) {
    case 'tsv':
      return parseTsv(text, warnings);
    case 'html':
      return postingsFromLines(readHtmlLines(text), warnings);
    case 'markdown':
      return postingsFromLines(readTextLines(text, true), warnings);
    case 'txt':
      return postingsFromLines(readTextLines(text, false), warnings);
  }
}

/**
 * Reads a job-posting document (TXT, Markdown, TSV table or HTML; Chinese or English) into
 * postings with one line per duty and per requirement. Throws PostingParseError, with a message
 * for the person who uploaded the file, when the document cannot be used.
 */
export function parsePostingsDocument(input: PostingInput): ParsedDocument {
  try {
    return parseOrThrow(input);
  } catch (error) {
    if (error instanceof PostingParseError) throw error;
    // A defect of ours (a RangeError from a document shaped like nothing we planned for) must not
    // leave the parser as a 500: the uploader gets a message, the cause stays for the logs.
    throw new PostingParseError(
      'The document could not be read: its layout is more than the importer can handle (for example, a list of tens of thousands of items). Simplify it or split it into smaller files.',
      { problem: 'too-complex', cause: error },
    );
  }
}

function parseOrThrow(input: PostingInput): ParsedDocument {
  const text = decodeInput(input.content);
  const format = detectFormat(text, input.filename);
  const log = new WarningLog();
  const postings = parseByFormat(format, text, log);
  if (postings.length === 0) {
    const where = input.filename ? ` in ${input.filename}` : '';
    throw new PostingParseError(
      `No posting with at least one duty line was found${where}. Put the duties under a heading such as “岗位职责” or “Responsibilities”, one per line.`,
      { problem: 'no-duties', params: input.filename ? { filename: input.filename } : {} },
    );
  }
  postings.forEach(checkLineLengths);
  return { format, postings, warnings: log.items };
}

/** The longest duty or requirement line a posting may have: a longer one is a paragraph, not an item. */
export const MAX_LINE_CHARS = 2000;
/** Duty lines, and requirement lines, one posting may have (the seeds have at most 11): the same cap as an edit. */
export const MAX_LINES_PER_KIND = 200;

function checkLineLengths(posting: ParsedPosting): void {
  for (const [kind, lines] of [
    ['duty', posting.duties],
    ['requirement', posting.requirements],
  ] as const) {
    if (lines.length > MAX_LINES_PER_KIND) {
      throw new PostingParseError(
        `Posting “${posting.title}” has ${lines.length.toLocaleString('en')} ${kind} lines; a posting may have at most ${MAX_LINES_PER_KIND}. Is this really one posting? Put each posting under its own title.`,
        {
          problem: 'too-many-lines',
          params: { title: posting.title, kind, count: lines.length, max: MAX_LINES_PER_KIND },
        },
      );
    }
    const at = lines.findIndex((line) => line.length > MAX_LINE_CHARS);
    if (at >= 0) {
      throw new PostingParseError(
        `Posting “${posting.title}”: ${kind} line ${at + 1} is ${lines[at].length.toLocaleString('en')} characters long; a line may have at most ${MAX_LINE_CHARS.toLocaleString('en')}. Split it into separate items.`,
        {
          problem: 'line-too-long',
          params: { title: posting.title, kind, line: at + 1, length: lines[at].length, max: MAX_LINE_CHARS },
        },
      );
    }
  }
}
