/** Candidates from a CSV with a header row naming `name` and `email` columns (any order, any case). */
export function parseCandidatesCsv(text: string): { candidates: { name: string; email: string }[] } | { error: string } {
  const rows = parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.some((c) => c.trim()));
  if (rows.length < 2) return { error: 'The CSV needs a header row (name,email) and at least one candidate.' };
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const nameAt = header.findIndex((h) => h === 'name' || h === '姓名');
  const emailAt = header.findIndex((h) => h === 'email' || h === '邮箱' || h === 'e-mail');
  if (nameAt < 0 || emailAt < 0) return { error: `The CSV header must name the columns "name" and "email"; found: ${rows[0].join(', ')}.` };
  const candidates: { name: string; email: string }[] = [];
  for (const [i, row] of rows.slice(1).entries()) {
    const name = (row[nameAt] ?? '').trim();
    const email = (row[emailAt] ?? '').trim();
    if (!name || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return { error: `Row ${i + 2}: each candidate needs a name and a valid email (got "${name}", "${email}").` };
    candidates.push({ name: name.slice(0, 120), email: email.slice(0, 254) });
  }
  if (candidates.length > 500) return { error: 'Invite at most 500 candidates per file.' };
  return { candidates };
}

/** RFC 4180: commas, quoted fields with "" escapes and line breaks, CRLF or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}
