import type { PostingFormat } from './types';
import { PostingParseError } from './errors';
import { looksLikeHeader } from './tsv-columns';

const BY_EXTENSION: Record<string, PostingFormat | 'sniff'> = {
  // Plain text is the catch-all: the seed table is a `.txt` file holding TSV, so look inside.
  txt: 'sniff',
  text: 'sniff',
  md: 'markdown',
  markdown: 'markdown',
  tsv: 'tsv',
  tab: 'tsv',
  html: 'html',
  htm: 'html',
};

export const SUPPORTED_FORMATS = 'TXT (.txt), Markdown (.md, .markdown), TSV (.tsv) or HTML (.html, .htm)';

function extensionOf(filename: string): string | undefined {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : undefined;
}

/**
 * Is there a tab-separated header row (序号 发布职位 工作职责 … / Title Duties …)? Anywhere in the
 * file: a table may follow a long preamble. The header test refuses rows of many or long cells first.
 */
function looksLikeTsv(text: string): boolean {
  return text.split('\n').some((line) => line.includes('\t') && looksLikeHeader(line.split('\t')));
}

export const HTML_TAG_START =
  /<(!doctype|html|body|div|p|ul|ol|li|h[1-6]|table|tr|td|br|section|article|span|strong)\b/i;

/**
 * An HTML tag: its start, and a `>` somewhere after it. (As one pattern, `…\b[^>]*>`, a file of
 * `<p <p <p` rescans to the end from every `<p`: quadratic.) If the first start has no `>` after
 * it, no later one has.
 */
function hasHtmlTag(text: string): boolean {
  const start = HTML_TAG_START.exec(text);
  return start !== null && text.includes('>', start.index);
}

/** Format from the content alone: TSV header row, then HTML tags, then `#` headings, else text. */
export function sniffFormat(text: string): PostingFormat {
  if (looksLikeTsv(text)) return 'tsv';
  if (hasHtmlTag(text)) return 'html';
  if (/^#{1,6}\s+\S/m.test(text)) return 'markdown';
  return 'txt';
}

/** Format from the filename extension, or from the content when there is none or it is `.txt`. */
export function detectFormat(text: string, filename?: string): PostingFormat {
  const extension = filename ? extensionOf(filename) : undefined;
  if (extension === undefined) return sniffFormat(text);
  const known = BY_EXTENSION[extension];
  if (!known) {
    throw new PostingParseError(
      `Files of type “.${extension}” are not supported; upload a ${SUPPORTED_FORMATS} posting.`,
      { problem: 'unsupported-type', params: { extension, supported: '.txt, .md, .markdown, .tsv, .html, .htm' } },
    );
  }
  if (known !== 'sniff') return known;
  const sniffed = sniffFormat(text);
  // In a .txt file, stray `<b>` is still text; only a real page or a table changes the reading.
  if (sniffed === 'html' && !/^\s*</.test(text)) return 'txt';
  return sniffed;
}
