import fc from 'fast-check';
import { CSV_BOM, csvCell, toCsv, type CsvValue } from './csv';

/**
 * A minimal RFC 4180 reader, for the round trip only: quoted fields with doubled quotes, CRLF
 * between records (a final CRLF ends the last one). No BOM handling: the caller strips it.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('csvCell', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('neutralises a string starting with %j by a leading quote', (start) => {
    const cell = csvCell(`${start}SUM(A1:A9)`);
    // \r also forces quoting; the content starts with the apostrophe either way.
    expect(cell.replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
  });

  it('the classic payloads come out inert', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('@SUM(1+1)')).toBe("'@SUM(1+1)");
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('leaves harmless strings alone, including those with the characters further in', () => {
    expect(csvCell('张三')).toBe('张三');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('foo@example.com')).toBe('foo@example.com');
    expect(csvCell('')).toBe('');
  });

  it('numbers are numbers: a negative number is not neutralised; NaN and infinities are empty', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(Infinity)).toBe('');
    // The same text as a string is neutralised: it could be anything.
    expect(csvCell('-3.5')).toBe("'-3.5");
  });

  it('null and undefined are empty; booleans are true / false', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(false)).toBe('false');
  });

  it('quotes fields with a comma, quote, CR or LF and doubles the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvCell('评语："很好"，继续')).toBe('"评语：""很好""，继续"');
  });
});

describe('toCsv', () => {
  it('BOM exactly once at the start, CRLF after every record, Chinese as is', () => {
    const csv = toCsv([
      ['候选人', '总分', '备注'],
      ['张三', 4.25, null],
      ['李四', -1, '=1+1'],
    ]);
    expect(csv).toBe(`${CSV_BOM}候选人,总分,备注\r\n张三,4.25,\r\n李四,-1,'=1+1\r\n`);
    expect(csv.split(CSV_BOM)).toHaveLength(2);
    expect(csv.indexOf(CSV_BOM)).toBe(0);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('no rows: only the BOM', () => {
    expect(toCsv([])).toBe(CSV_BOM);
  });

  it('round trip: what the reader gets back is each cell as written (neutralised cells with their quote)', () => {
    const cell: fc.Arbitrary<CsvValue> = fc.oneof(
      fc.string({
        unit: fc.constantFrom('a', '中', '文', ',', '"', '\r', '\n', '\r\n', ' ', '=', '-', '+', '@', '\t', "'"),
      }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const csv = toCsv(rows);
        expect(csv.startsWith(CSV_BOM)).toBe(true);
        expect(csv.slice(1).includes(CSV_BOM)).toBe(false);
        const expected = rows.map((row) =>
          row.map((v) => {
            if (typeof v === 'string') return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
            return v === null || v === undefined ? '' : String(v);
          }),
        );
        expect(parseCsv(csv.slice(1))).toEqual(expected);
      }),
    );
  });
});
