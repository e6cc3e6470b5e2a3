import { decodeText, TextDecodeError, type DecodeWording } from './decode-input';
import { PostingParseError, parsePostingsDocument } from './index';

const CSV: DecodeWording = {
  subject: 'This CSV',
  binaryAdvice: 'export it as CSV.',
  encodingAdvice: 'Save it as CSV UTF-8.',
};
const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => utf16le(text).swap16();
const messageOf = (content: Buffer): string => {
  try {
    decodeText(content, CSV);
  } catch (error) {
    expect(error).toBeInstanceOf(TextDecodeError);
    expect(error).toBeInstanceOf(PostingParseError);
    return (error as Error).message;
  }
  throw new Error('expected a TextDecodeError');
};

describe(decodeText.name, () => {
  it('reads UTF-8 with or without a byte-order mark and normalises line ends', () => {
    expect(decodeText(Buffer.from('name,email\r\n张三,zhang3@x.io\r\n'), CSV)).toBe('name,email\n张三,zhang3@x.io\n');
    expect(decodeText(Buffer.from('\uFEFFname,email\r张三,z@x.io'), CSV)).toBe('name,email\n张三,z@x.io');
    expect(decodeText('\uFEFFpasted\r\ntext', CSV)).toBe('pasted\ntext');
  });

  it('reads UTF-16 with a byte-order mark, little- and big-endian', () => {
    expect(decodeText(utf16le('\uFEFFname,email\r\n张三,zhang3@x.io\r\n'), CSV)).toBe('name,email\n张三,zhang3@x.io\n');
    expect(decodeText(utf16be('\uFEFFname,email\n王芳,w@x.io'), CSV)).toBe('name,email\n王芳,w@x.io');
  });

  it("refuses UTF-16 without a byte-order mark, GBK and binary files, in the caller's words", () => {
    expect(messageOf(utf16le('name,email\n张三,zhang3@x.io\n'))).toBe(
      'This CSV looks like UTF-16 text without a byte-order mark. Save it as CSV UTF-8.',
    );
    expect(messageOf(utf16be('name,email\nLi Lei,lei@x.io\n'))).toMatch(/^This CSV looks like UTF-16 text/);
    // 张三 in GBK, what Chinese Excel writes by default.
    expect(
      messageOf(
        Buffer.concat([
          Buffer.from('name,email\n'),
          Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
          Buffer.from(',zhang3@x.io\n'),
        ]),
      ),
    ).toBe(
      'This CSV is not UTF-8 text (perhaps GBK or another legacy encoding, or a binary file). Save it as CSV UTF-8.',
    );
    expect(messageOf(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toMatch(
      /^This CSV starts like UTF-16 text but is not valid UTF-16/,
    ); // a lone surrogate
    expect(
      messageOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00])),
    ).toBe('This CSV looks binary (it contains NUL bytes); export it as CSV.'); // an .xlsx (a zip) renamed .csv
    expect(messageOf(Buffer.from('\u0001\u0002\u0003ab\u0004'))).toBe(
      'This CSV looks binary (most of it is control characters); export it as CSV.',
    );
  });

  it('lets posting imports read UTF-16 with a byte-order mark, and says what UTF-16 without one is', () => {
    const posting = '\uFEFF开发工程师\n岗位职责：\n1. 负责后端服务开发\n';
    expect(parsePostingsDocument({ content: utf16le(posting), filename: 'a.txt' }).postings[0].duties).toEqual([
      '负责后端服务开发',
    ]);
    expect(() =>
      parsePostingsDocument({ content: utf16le('Developer\nResponsibilities:\n- build APIs\n'), filename: 'a.txt' }),
    ).toThrow(
      'This file looks like UTF-16 text without a byte-order mark. Save it as UTF-8, or upload a TXT, Markdown, TSV or HTML posting.',
    );
  });
});
