import { foldIcsLine, icsParam, icsText, icsUtc, interviewIcs, type InterviewIcsInput } from './ics';

/** RFC 5545 unfolding: CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** The unfolded content lines (without the final empty one). */
const contentLines = (ics: string) => unfold(ics).split('\r\n').slice(0, -1);

/** The value of the first property named `name` (parameters dropped), still escaped. */
function prop(ics: string, name: string): string | undefined {
  const line = contentLines(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  if (line === undefined) return undefined;
  // The value starts after the first colon outside a quoted parameter.
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return line.slice(i + 1);
  }
  return undefined;
}

/** The inverse of TEXT escaping, for round trips. */
const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, ch: string) => (/n/i.test(ch) ? '\n' : ch));

const base: InterviewIcsInput = {
  uid: '2b0c6f0e-1c7a-4c55-9a3e-0d4f7e5b9a11',
  sequence: 2,
  stampedAt: new Date('2026-12-01T08:30:15.123Z'),
  startsAt: new Date('2026-12-08T10:00:00Z'),
  durationMinutes: 45,
  summary: 'Interview: Java Backend Engineer',
  description: 'Live interview.\nBring questions.',
  link: 'https://rubricon.example.com/interviews/room/abc?x=1&y=2',
  organizer: { name: 'HR Li', email: 'hr@acme.test' },
  attendee: { name: 'Alice Smith', email: 'alice@example.test' },
};

describe('interviewIcs', () => {
  const ics = interviewIcs(base);

  it('is a REQUEST calendar with one event and one alarm', () => {
    const lines = contentLines(ics);
    expect(lines.slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//Rubricon//Interviews//EN',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
    ]);
    expect(lines.slice(-3)).toEqual(['END:VALARM', 'END:VEVENT', 'END:VCALENDAR']);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toEqual(expect.arrayContaining(['STATUS:CONFIRMED', 'TRIGGER:-PT15M', 'ACTION:DISPLAY']));
  });

  it('ends every line with CRLF and has no bare CR or LF', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the times in UTC, the end from the duration', () => {
    expect(prop(ics, 'DTSTAMP')).toBe('20261201T083015Z');
    expect(prop(ics, 'DTSTART')).toBe('20261208T100000Z');
    expect(prop(ics, 'DTEND')).toBe('20261208T104500Z');
    const late = interviewIcs({ ...base, startsAt: new Date('2026-12-31T23:30:00Z'), durationMinutes: 90 });
    expect(prop(late, 'DTEND')).toBe('20270101T010000Z');
  });

  it('keeps the UID stable and the SEQUENCE given', () => {
    expect(prop(ics, 'UID')).toBe(`${base.uid}@rubricon`);
    expect(prop(interviewIcs({ ...base, sequence: 3, summary: 'Moved' }), 'UID')).toBe(`${base.uid}@rubricon`);
    expect(prop(ics, 'SEQUENCE')).toBe('2');
  });

  it('carries the link as URL, LOCATION and in DESCRIPTION', () => {
    expect(prop(ics, 'URL')).toBe(base.link);
    expect(unescapeText(prop(ics, 'LOCATION')!)).toBe(base.link);
    expect(unescapeText(prop(ics, 'DESCRIPTION')!)).toBe(`${base.description}\n${base.link}`);
  });

  it('names organizer and attendee', () => {
    const lines = contentLines(ics);
    expect(lines).toContain('ORGANIZER;CN="HR Li":mailto:hr@acme.test');
    expect(lines).toContain(
      'ATTENDEE;CN="Alice Smith";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:alice@example.test',
    );
  });

  it('escapes backslash, semicolon, comma and newlines in text, and drops CR', () => {
    const tricky = 'a\\b;c,d\r\ne\rf\ng';
    const out = interviewIcs({ ...base, summary: tricky });
    expect(prop(out, 'SUMMARY')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(unescapeText(prop(out, 'SUMMARY')!)).toBe('a\\b;c,d\ne\nf\ng');
  });

  it('keeps hostile names inside their quoted CN', () => {
    const out = interviewIcs({
      ...base,
      attendee: { name: 'Eve "x"\r\nATTENDEE:mailto:evil@evil.test', email: 'eve@example.test\r\nX-EVIL:1' },
    });
    const lines = contentLines(out);
    expect(lines.filter((l) => l.startsWith('ATTENDEE'))).toEqual([
      'ATTENDEE;CN="Eve x ATTENDEE:mailto:evil@evil.test";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:eve@example.testX-EVIL:1',
    ]);
    expect(lines.some((l) => l.startsWith('X-EVIL'))).toBe(false);
  });

  it('folds at 75 octets without splitting a character, and unfolds to the original', () => {
    const summary = '面试：高级 Java 后端工程师（分布式系统、高并发、微服务架构方向）——技术面试第二轮 😀'.repeat(3);
    const out = interviewIcs({ ...base, summary });
    const physical = out.split('\r\n').slice(0, -1);
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/\uFFFD/);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line); // no half a surrogate pair
    }
    expect(physical.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(2);
    expect(unescapeText(prop(out, 'SUMMARY')!)).toBe(summary);
  });

  it('rejects a bad sequence or duration', () => {
    expect(() => interviewIcs({ ...base, sequence: -1 })).toThrow(RangeError);
    expect(() => interviewIcs({ ...base, durationMinutes: 0 })).toThrow(RangeError);
    expect(() => interviewIcs({ ...base, startsAt: new Date('nope') })).toThrow(RangeError);
  });
});

describe('ICS helpers', () => {
  it('icsUtc drops milliseconds', () => {
    expect(icsUtc(new Date('2026-01-02T03:04:05.999Z'))).toBe('20260102T030405Z');
  });

  it('icsText turns other control characters into spaces', () => {
    expect(icsText('a\u0000b\u001Bc\td')).toBe('a b c\td');
  });

  it('icsParam quotes and strips quotes and line breaks', () => {
    expect(icsParam('A "B"\r\nC')).toBe('"A B C"');
  });

  it('foldIcsLine leaves a short line alone and folds a long one at exactly 75 octets', () => {
    expect(foldIcsLine('SUMMARY:short')).toBe('SUMMARY:short');
    const folded = foldIcsLine('X:' + 'a'.repeat(200));
    const parts = folded.split('\r\n');
    expect(parts[0]).toHaveLength(75);
    expect(parts[1]).toHaveLength(75);
    expect(parts[1].startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe('X:' + 'a'.repeat(200));
  });

  it('foldIcsLine moves a 3-octet character that would straddle the limit to the next line', () => {
    const line = 'X:' + 'a'.repeat(72) + '中文';
    const parts = foldIcsLine(line).split('\r\n');
    expect(parts[0]).toBe('X:' + 'a'.repeat(72));
    expect(parts[1]).toBe(' 中文');
  });
});
