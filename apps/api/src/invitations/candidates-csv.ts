import type { ErrorCode, ErrorParams, MailLang } from '@rubricon/contracts';
import { isEmail } from 'class-validator';
import { clipCodePoints } from '../common/validation';
import { decodeText, TextDecodeError, type DecodeWording } from '@rubricon/postings';

// Chinese Excel saves CSV as GBK unless told otherwise; the fix is one menu choice away.
const CSV_WORDING: DecodeWording = {
  subject: 'This CSV',
  binaryAdvice: 'save the sheet as "CSV UTF-8 (Comma delimited)" (Excel: File → Save As) and upload that.',
  encodingAdvice: 'Save it as "CSV UTF-8 (Comma delimited)" (Excel: File → Save As) and upload it again.',
};

/** Why a CSV cannot be used: a code the staff app words in zh and en, with the values for it. */
export interface CsvRefusal {
  code: ErrorCode;
  params: ErrorParams;
}

export const MAX_CANDIDATES_PER_CSV = 500;

/**
 * What an invitation's address may hold besides passing isEmail: no quotes, spaces, angle brackets or
 * control characters. isEmail accepts a quoted local part ("a\r\nBcc: x"@example.com), which no
 * candidate needs and which would carry CR/LF towards a mail header.
 */
export const PLAIN_ADDRESS = /^[^\s"<>\p{Cc}]+$/u;

/** A candidate and the line of the file it came from (the header is line 1). */
export interface CsvCandidate {
  name: string;
  email: string;
  line: number;
  /** From an optional language column; absent when the column or the cell is empty. */
  lang?: MailLang;
}

/** What a language cell may say, in either language. */
const LANGUAGE_CELLS: Record<string, MailLang> = {
  zh: 'zh',
  'zh-cn': 'zh',
  chinese: 'zh',
  中文: 'zh',
  简体中文: 'zh',
  en: 'en',
  english: 'en',
  英文: 'en',
  英语: 'en',
};

/**
 * Candidates from a CSV with a header row naming `name` and `email` columns (any order, any case).
 * Bytes are decoded as the posting import does: UTF-8 (BOM or not) or UTF-16 with a BOM, else refused.
 */
export function parseCandidatesCsv(content: Buffer | string): { candidates: CsvCandidate[] } | { refusal: CsvRefusal } {
  const refuse = (code: ErrorCode, params: ErrorParams = {}) => ({ refusal: { code, params } });
  let text: string;
  try {
    text = decodeText(content, CSV_WORDING);
  } catch (error) {
    if (error instanceof TextDecodeError)
      return refuse(error.problem === 'not-text' ? 'file-not-text' : 'file-not-utf8');
    throw error;
  }
  const rows = parseCsv(text).filter((r) => r.cells.some((c) => c.trim()));
  if (rows.length < 2) return refuse('csv-empty');
  const header = rows[0].cells.map((h) => h.trim().toLowerCase());
  const nameAt = header.findIndex((h) => h === 'name' || h === '姓名');
  const emailAt = header.findIndex((h) => h === 'email' || h === '邮箱' || h === 'e-mail');
  const langAt = header.findIndex((h) => h === 'language' || h === 'lang' || h === '语言');
  if (nameAt < 0 || emailAt < 0)
    return refuse('csv-columns-missing', { found: clipCodePoints(rows[0].cells.join(', '), 200) });
  const candidates: CsvCandidate[] = [];
  const linesByEmail = new Map<string, number[]>();
  for (const { cells, line } of rows.slice(1)) {
    const name = (cells[nameAt] ?? '').trim();
    const email = (cells[emailAt] ?? '').trim();
    // The same check as the JSON route's @IsEmail, so a CSV cannot smuggle in what JSON refuses
    // (`=HYPERLINK(…)@example.com` would also be a formula in HR's spreadsheet).
    if (!name || !isEmail(email) || !PLAIN_ADDRESS.test(email))
      return refuse('csv-row-invalid', { line, name: clipCodePoints(name, 120), email: clipCodePoints(email, 254) });
    const clippedEmail = clipCodePoints(email, 254);
    const langCell = langAt < 0 ? '' : (cells[langAt] ?? '').trim();
    const lang = LANGUAGE_CELLS[langCell.toLowerCase()];
    if (langCell && !lang) return refuse('csv-language-invalid', { line, value: clipCodePoints(langCell, 40) });
    candidates.push({ name: clipCodePoints(name, 120), email: clippedEmail, line, ...(lang ? { lang } : {}) });
    const key = clippedEmail.toLowerCase();
    linesByEmail.set(key, [...(linesByEmail.get(key) ?? []), line]);
  }
  if (candidates.length > MAX_CANDIDATES_PER_CSV) return refuse('csv-too-many', { max: MAX_CANDIDATES_PER_CSV });
  // Refused rather than merged: two rows with one address (case aside, as invitations store it)
  // are either the same person twice, which would get two links, or a typo in one of the rows,
  // which merging would hide; and with two names there is no right one to keep. HR fixes the file.
  const duplicates = [...linesByEmail].filter(([, at]) => at.length > 1);
  if (duplicates.length > 0) {
    const [email, lines] = duplicates[0];
    return refuse('csv-duplicate-email', { email, lines: lines.join(', '), count: duplicates.length });
  }
  return { candidates };
}

/** RFC 4180: commas, quoted fields with "" escapes and line breaks, CRLF or LF; each row with the line it starts on. */
function parseCsv(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push({ cells: row, line: rowLine });
    row = [];
    rowLine = line;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') {
        i++;
        line++;
      }
      endRow();
    } else field += ch;
  }
  if (field || row.length) endRow();
  return rows;
}
