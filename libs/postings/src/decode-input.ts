import { PostingParseError } from './errors';

export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/**
 * Uploaded bytes are not text this server can read. A PostingParseError, so posting imports answer
 * it as before; other uploads (the candidates CSV) catch this class alone.
 */
export class TextDecodeError extends PostingParseError {
  constructor(message: string, problem: 'not-text' | 'not-utf8') {
    super(message, { problem });
    this.name = 'TextDecodeError';
  }
}

/** How the decoder's messages name the upload and what they tell the person to do. */
export interface DecodeWording {
  /** The upload at the start of a sentence: "This file", "This CSV". */
  subject: string;
  /** What to do with a binary file, after a semicolon: "upload a TXT, Markdown, TSV or HTML posting." */
  binaryAdvice: string;
  /** What to do with text in another encoding, a sentence: "Save it as UTF-8, or …". */
  encodingAdvice: string;
}

const POSTING_WORDING: DecodeWording = {
  subject: 'This file',
  binaryAdvice: 'upload a TXT, Markdown, TSV or HTML posting.',
  encodingAdvice: 'Save it as UTF-8, or upload a TXT, Markdown, TSV or HTML posting.',
};

// Control characters other than tab, newline, carriage return and form feed do not occur in
// text a person wrote; a document made mostly of them is a binary file with a text extension.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/**
 * UTF-16 without a byte-order mark: Latin text has a NUL in every other byte, always at the same
 * parity (odd for little-endian, even for big-endian); binary files have NULs at both.
 */
function looksLikeUtf16(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  const nuls = [0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) nuls[i % 2]++;
  const half = sample.length / 2;
  const [few, many] = nuls[0] < nuls[1] ? nuls : [nuls[1], nuls[0]];
  return many >= half * 0.3 && few <= half * 0.02;
}

function utf16Encoding(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Turns uploaded bytes (or a pasted string) into text: UTF-8 with or without a byte-order mark,
 * or UTF-16 with one (what Excel and Notepad write as "Unicode"); BOM removal, CRLF → LF; binary
 * files and other encodings (GBK, UTF-16 without a BOM) are refused with a TextDecodeError whose
 * message, worded by `wording`, says what to do. No size or emptiness check: callers have their own.
 */
export function decodeText(content: Buffer | string, wording: DecodeWording): string {
  const binary = (reason: string) =>
    new TextDecodeError(`${wording.subject} looks binary (${reason}); ${wording.binaryAdvice}`, 'not-text');
  let text = typeof content === 'string' ? content : bytesToText(content, wording, binary);
  if (text.includes('\u0000')) throw binary('it contains NUL bytes');
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() !== '') {
    const controls = text.match(CONTROL)?.length ?? 0;
    const visible = text.replace(/\s/g, '').length;
    if (controls > 0 && controls >= visible * 0.1) throw binary('most of it is control characters');
  }
  return text;
}

function bytesToText(bytes: Buffer, wording: DecodeWording, binary: (reason: string) => TextDecodeError): string {
  const encodingError = (what: string) =>
    new TextDecodeError(`${wording.subject} ${what}. ${wording.encodingAdvice}`, 'not-utf8');
  const utf16 = utf16Encoding(bytes);
  if (utf16)
    return strictDecode(bytes, utf16) ?? throwError(encodingError('starts like UTF-16 text but is not valid UTF-16'));
  if (bytes.includes(0))
    throw looksLikeUtf16(bytes)
      ? encodingError('looks like UTF-16 text without a byte-order mark')
      : binary('it contains NUL bytes');
  // Most often a Chinese document saved as GBK/GB18030: say what to do, not just "binary".
  return (
    strictDecode(bytes, 'utf-8') ??
    throwError(encodingError('is not UTF-8 text (perhaps GBK or another legacy encoding, or a binary file)'))
  );
}

/** The text, or null when the bytes are not valid in that encoding. */
function strictDecode(bytes: Buffer, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function throwError(error: Error): never {
  throw error;
}

/**
 * Turns an uploaded posting document (or a pasted string) into clean text: size limit, then
 * decodeText. Throws PostingParseError with a human message.
 */
export function decodeInput(content: Buffer | string): string {
  const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
  if (bytes > MAX_DOCUMENT_BYTES) {
    const n = (value: number) => value.toLocaleString('en-US');
    throw new PostingParseError(
      `The document is ${n(bytes)} bytes, more than the 1 MiB (${n(MAX_DOCUMENT_BYTES)} bytes) limit. Split it into smaller files.`,
      { problem: 'too-large', params: { bytes, max: MAX_DOCUMENT_BYTES } },
    );
  }
  const text = decodeText(content, POSTING_WORDING);
  if (text.trim() === '') throw new PostingParseError('The document is empty.', { problem: 'empty' });
  return text;
}
