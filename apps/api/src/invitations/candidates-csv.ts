import { isEmail } from 'class-validator';
import { clipCodePoints } from '../common/validation';
import { decodeText, TextDecodeError, type DecodeWording } from '@rubricon/postings';

// Chinese Excel saves CSV as GBK unless told otherwise; the fix is one menu choice away.
const CSV_WORDING: DecodeWording = {
  subject: 'This CSV',
  binaryAdvice: 'save the sheet as "CSV UTF-8 (Comma delimited)" (Excel: File → Save As) and upload that.',
  encodingAdvice: 'Save it as "CSV UTF-8 (Comma delimited)" (Excel: File → Save As) and upload it again.',
};

/**
 * Candidates from a CSV with a header row naming `name` and `email` columns (any order, any case).
 * Bytes are decoded as the posting import does: UTF-8 (BOM or not) or UTF-16 with a BOM, else refused.
 */
export function parseCandidatesCsv(
  content: Buffer | string,
): { candidates: { name: string; email: string }[] } | { error: string } {
  let text: string;
  try {
    text = decodeText(content, CSV_WORDING);
  } catch (error) {
    if (error instanceof TextDecodeError) return { error: error.message };
    throw error;
  }
  const rows = parseCsv(text).filter((r) => r.some((c) => c.trim()));
  if (rows.length < 2) return { error: 'The CSV needs a header row (name,email) and at least one candidate.' };
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const nameAt = header.findIndex((h) => h === 'name' || h === '姓名');
  const emailAt = header.findIndex((h) => h === 'email' || h === '邮箱' || h === 'e-mail');
  if (nameAt < 0 || emailAt < 0)
    return { error: `The CSV header must name the columns "name" and "email"; found: ${rows[0].join(', ')}.` };
  const candidates: { name: string; email: string }[] = [];
  const rowsByEmail = new Map<string, number[]>();
  for (const [i, row] of rows.slice(1).entries()) {
    const name = (row[nameAt] ?? '').trim();
    const email = (row[emailAt] ?? '').trim();
    // The same check as the JSON route's @IsEmail, so a CSV cannot smuggle in what JSON refuses
    // (`=HYPERLINK(…)@example.com` would also be a formula in HR's spreadsheet).
    if (!name || !isEmail(email))
      return { error: `Row ${i + 2}: each candidate needs a name and a valid email (got "${name}", "${email}").` };
    const clippedEmail = clipCodePoints(email, 254);
    candidates.push({ name: clipCodePoints(name, 120), email: clippedEmail });
    const key = clippedEmail.toLowerCase();
    rowsByEmail.set(key, [...(rowsByEmail.get(key) ?? []), i + 2]);
  }
  if (candidates.length > 500) return { error: 'Invite at most 500 candidates per file.' };
  // Refused rather than merged: two rows with one address (case aside, as invitations store it)
  // are either the same person twice, which would get two links, or a typo in one of the rows,
  // which merging would hide; and with two names there is no right one to keep. HR fixes the file.
  const duplicates = [...rowsByEmail].filter(([, at]) => at.length > 1);
  if (duplicates.length > 0) {
    const listed = duplicates.slice(0, 5).map(([email, at]) => `rows ${at.join(', ')} (${email})`);
    const more = duplicates.length > 5 ? ` and ${duplicates.length - 5} more` : '';
    return {
      error: `The same email appears more than once: ${listed.join('; ')}${more}. Invite each person once: remove the extra rows or correct the addresses.`,
    };
  }
  return { candidates };
}

/** RFC 4180: commas, quoted fields with "" escapes and line breaks, CRLF or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field || row.length) endRow();
  return rows;
}
