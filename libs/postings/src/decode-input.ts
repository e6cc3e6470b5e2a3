import { PostingParseError } from './errors';

export const MAX_DOCUMENT_BYTES = 1024 * 1024;

const UPLOAD_HINT = 'upload a TXT, Markdown, TSV or HTML posting.';

function binaryError(reason: string): PostingParseError {
  return new PostingParseError(`This file looks binary (${reason}); ${UPLOAD_HINT}`);
}


// Control characters other than tab, newline, carriage return and form feed do not occur in
// text a person wrote; a document made mostly of them is a binary file with a text extension.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/**
 * Turns uploaded bytes (or a pasted string) into clean text: size limit, binary detection,
 * UTF-8 validation, BOM removal, CRLF → LF. Throws PostingParseError with a human message.
 */
export function decodeInput(content: Buffer | string): string {
  const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
  if (bytes > MAX_DOCUMENT_BYTES) {
    const n = (value: number) => value.toLocaleString('en-US');
    throw new PostingParseError(
      `The document is ${n(bytes)} bytes, more than the 1 MiB (${n(MAX_DOCUMENT_BYTES)} bytes) limit. Split it into smaller files.`,
    );
  }
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    if (content.includes(0)) throw binaryError('it contains NUL bytes');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      // Most often a Chinese document saved as GBK/GB18030: say what to do, not just "binary".
      throw new PostingParseError(`This file is not UTF-8 text (perhaps GBK or another legacy encoding, or a binary file). Save it as UTF-8, or upload a TXT, Markdown, TSV or HTML posting.`);
    }
  }
  if (text.includes('\u0000')) throw binaryError('it contains NUL bytes');
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new PostingParseError('The document is empty.');
  const controls = text.match(CONTROL)?.length ?? 0;
  const visible = text.replace(/\s/g, '').length;
  if (controls > 0 && controls >= visible * 0.1) throw binaryError('most of it is control characters');
  return text;
}
