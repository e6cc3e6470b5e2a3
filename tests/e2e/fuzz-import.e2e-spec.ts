import type { ImportPostingsResponse, PostingDetail } from '@rubricon/contracts';
import fc from 'fast-check';
import request from 'supertest';
import { databaseKinds } from '../support/databases';
import {
  assertFuzz,
  hugeString,
  junk,
  mutated,
  nastyString,
  openTableReader,
  prototypeMembers,
  refusalProblem,
  type TableSnapshot,
} from '../support/fuzz';
import { useServerSuite } from '../support/server-suite';

/*
 * Bad input on the posting import (issue 16, item 6): JSON bodies of every shape, pasted text and
 * uploaded files of random structure (text, Markdown, TSV, HTML; Chinese and English), bytes and
 * encodings. Each run checks: never a 5xx; a 4xx carries a known code and a message a person can
 * read; a refused import leaves the postings tables exactly as they were (a direct database read);
 * an accepted one stored exactly what it answered, postings with a title and non-empty duty lines.
 *
 * SQLite by default (FUZZ_DATABASES=all adds MariaDB, which checks column sizes SQLite ignores).
 * Replay a failure with the seed and path fast-check prints: see tests/support/fuzz.ts.
 */
jest.setTimeout(120_000);

const kinds = process.env.FUZZ_DATABASES === 'all' ? databaseKinds() : databaseKinds().slice(0, 1);
const FUZZ = { numRuns: 400, timeLimitMs: 25_000 };
const TABLES = ['postings', 'posting_lines', 'document_imports'];

// ---- Documents ----

const HEADINGS = [
  '岗位职责',
  '工作职责',
  '任职要求',
  '职位描述',
  '岗位要求',
  '福利待遇',
  '（一）技术能力',
  '模型全生命周期管理',
  'Responsibilities',
  'Requirements',
  'What you will do',
  'About us',
  '工作地点：上海',
  '招聘人数：3',
  'Location: Shenzhen',
];
const PREFIXES = ['', '', '- ', '* ', '• ', '1. ', '2、', '（1）', '① ', '## ', '# ', '### ', '> ', '| ', '1.3 ', '\t'];
const cjkText = fc
  .tuple(
    fc.string({
      unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
      minLength: 1,
      maxLength: 30,
    }),
    fc.constantFrom('。', '；', '', '：', '，'),
  )
  .map(([s, end]) => s + end);
const text = fc.oneof(
  { weight: 3, arbitrary: cjkText },
  { weight: 3, arbitrary: fc.lorem({ maxCount: 12 }) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(...HEADINGS) },
);
const line = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), text).map(([p, t]) => p + t) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...HEADINGS), fc.constantFrom('', '：', '## ', '【】'))
      .map(([h, form]) => (form === '：' ? h + form : form === '【】' ? `【${h}】` : form + h)),
  },
  { weight: 1, arbitrary: fc.constant('') },
);
const lines = fc.array(line, { maxLength: 40 });
const eol = fc.constantFrom('\n', '\r\n', '\r', '\n\n');

const plainDocument = fc.tuple(lines, eol).map(([ls, e]) => ls.join(e));

const cell = fc.oneof(
  text,
  fc
    .array(
      fc.tuple(fc.constantFrom('1. ', '2、', '- ', ''), text).map(([p, t]) => p + t),
      { maxLength: 4 },
    )
    .map((items) => `"${items.join('\n').replace(/"/g, '""')}"`),
  fc.constantFrom('"', '""', '"unclosed', '', ' ', '3', '-1', 'abc'),
);
const TSV_HEADERS = [
  '序号',
  '发布职位',
  '岗位',
  '职位名称',
  '工作职责',
  '岗位职责',
  '任职要求',
  '部门',
  '工作地点',
  '招聘人数',
  'Title',
  'Duties',
  'Requirements',
  'Department',
  'Location',
  'Headcount',
];
const tsvDocument = fc
  .tuple(
    fc.array(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TSV_HEADERS) }, { weight: 1, arbitrary: nastyString }),
      { minLength: 1, maxLength: 7 },
    ),
    fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
    fc.array(line, { maxLength: 3 }),
    eol,
  )
  .map(([header, rows, preamble, e]) => [...preamble, header.join('\t'), ...rows.map((r) => r.join('\t'))].join(e));

const TAGS = [
  'h1',
  'h2',
  'h3',
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'strong',
  'span',
  'section',
  'table',
  'tr',
  'td',
  'th',
  'b',
];
const htmlNode: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((t) => t.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))),
    fc.constantFrom(
      '<br>',
      '<br/>',
      '&nbsp;',
      '&amp;',
      '&#x4e2d;',
      '&#0;',
      '&#xD800;',
      '&bogus;',
      '<!-- note -->',
      '<script>alert(1)</script>',
      '<p',
      '</li>',
      '<<>>',
    ),
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom('', ' class="x"', ' style="a:b"', " data-x='\"'"),
      )
      .map(([tag, children, closed, attrs]) => `<${tag}${attrs}>${children.join('')}${closed ? `</${tag}>` : ''}`),
  ),
})).node;
const htmlDocument = fc
  .tuple(fc.array(htmlNode, { maxLength: 8 }), fc.boolean())
  .map(([nodes, page]) => (page ? `<!doctype html><html><body>${nodes.join('\n')}</body></html>` : nodes.join('\n')));

const markdownDocument = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('# ', '## ', '### ', '| ', '**', '> ', '- ', '1. ', ''), text), {
      maxLength: 30,
    }),
    eol,
  )
  .map(([ls, e]) =>
    ls.map(([p, t]) => (p === '**' ? `**${t}**` : p === '| ' ? `| ${t} | ${t} |\n|---|---|` : p + t)).join(e),
  );

/** A posting as people write them (a title, duties under a heading, maybe requirements), with noise lines mixed in. */
const postingLike = fc
  .tuple(
    text,
    fc.constantFrom('岗位职责', '工作职责：', 'Responsibilities', '## 岗位职责', '<h2>Responsibilities</h2>'),
    fc.array(fc.tuple(fc.constantFrom('1. ', '2、', '- ', '（1）', '<li>', ''), text), { minLength: 1, maxLength: 6 }),
    fc.constantFrom('任职要求', 'Requirements', '', '岗位要求：'),
    fc.array(fc.tuple(fc.constantFrom('1. ', '- ', ''), text), { maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(), line), { maxLength: 3 }),
    eol,
  )
  .map(([title, dutyHeading, duties, reqHeading, reqs, noise, e]) => {
    const out = [title, dutyHeading, ...duties.map(([p, t]) => p + t), reqHeading, ...reqs.map(([p, t]) => p + t)];
    for (const [at, l] of noise) out.splice(at % (out.length + 1), 0, l);
    return out.join(e);
  });
const postingsLike = fc.array(postingLike, { minLength: 1, maxLength: 3 }).map((docs) => docs.join('\n\n'));

const documentText = fc.oneof(
  { weight: 4, arbitrary: postingsLike },
  { weight: 2, arbitrary: plainDocument },
  { weight: 2, arbitrary: tsvDocument },
  { weight: 2, arbitrary: htmlDocument },
  { weight: 2, arbitrary: markdownDocument },
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: hugeString(10_000, 200_000) },
);

/** The document's bytes: UTF-8 (with or without a BOM), UTF-16, GBK-like and Latin-1 bytes, NULs, or random bytes. */
const documentBytes: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 6, arbitrary: documentText.map((t) => Buffer.from(t, 'utf8')) },
  {
    weight: 1,
    arbitrary: documentText.map((t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])),
  },
  {
    weight: 1,
    arbitrary: documentText.map((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])),
  },
  { weight: 1, arbitrary: documentText.map((t) => Buffer.from(t, 'utf16le')) },
  { weight: 1, arbitrary: documentText.map((t) => Buffer.from(t, 'latin1')) },
  {
    weight: 1,
    arbitrary: fc.tuple(documentText, fc.nat()).map(([t, at]) => {
      const b = Buffer.from(t, 'utf8');
      return Buffer.concat([b.subarray(0, at % (b.length + 1)), Buffer.from([0]), b.subarray(at % (b.length + 1))]);
    }),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }).map((a) => Buffer.from(a)) },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ minLength: 1, maxLength: 200 }).map((a) => Buffer.from(a.map((b) => 0x81 + (b % 0x7e)))),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1024 * 1024 - 10, max: 1024 * 1024 + 10 }).map((n) => Buffer.alloc(n, 0x61)),
  },
);

const EXTENSIONS = [
  'txt',
  'text',
  'md',
  'markdown',
  'tsv',
  'tab',
  'html',
  'htm',
  'TXT',
  'Md',
  'csv',
  'docx',
  'pdf',
  'exe',
  '',
];
const filename = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('postings', '岗位', 'job.posting', '.hidden', '../../etc/passwd', 'a/b\\c'),
        fc.constantFrom(...EXTENSIONS),
      )
      .map(([b, e]) => (e ? `${b}.${e}` : b)),
  },
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.tuple(hugeString(200, 400), fc.constantFrom(...EXTENSIONS)).map(([b, e]) => `${b}.${e}`) },
);
const duplicates = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('import', 'report', 'skip') },
  { weight: 1, arbitrary: fc.constantFrom('', 'IMPORT', '__proto__', 'report&duplicates=skip', '%00', '1') },
);

// ---- Requests ----

type ImportRequest =
  | { kind: 'json'; body: unknown; duplicates: string }
  | { kind: 'raw'; contentType: string; body: Buffer; duplicates: string }
  | {
      kind: 'upload';
      field: string;
      files: { bytes: Buffer; filename: string; contentType?: string }[];
      fields: Record<string, string>;
      duplicates: string;
    };

const importRequest: fc.Arbitrary<ImportRequest> = fc.oneof(
  // Pasted text, as the staff app sends it, sometimes bent out of shape.
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        documentText,
        fc.option(filename, { nil: undefined }),
        duplicates,
        fc.nat(3).map((n) => n === 0),
      )
      .chain(([t, name, d, bend]) => {
        const body = name === undefined ? { text: t } : { text: t, filename: name };
        return (bend ? mutated(body) : fc.constant(body)).map((b): ImportRequest => ({
          kind: 'json',
          body: b,
          duplicates: d,
        }));
      }),
  },
  // Any JSON at all.
  {
    weight: 2,
    arbitrary: fc
      .tuple(junk(['text', 'filename']), duplicates)
      .map(([body, d]): ImportRequest => ({ kind: 'json', body, duplicates: d })),
  },
  // Bodies that are not the JSON they claim, or not UTF-8, or nested past any stack.
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'application/json; charset=latin1',
          'application/json; charset=utf-16',
          'text/plain',
          'text/html',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'multipart/form-data; boundary=x',
        ),
        fc.oneof(
          documentBytes,
          fc
            .integer({ min: 65, max: 50_000 })
            .map((n) => Buffer.from('{"text":' + '['.repeat(n) + ']'.repeat(n) + '}')),
          nastyString.map((s) => Buffer.from(`{"text": ${JSON.stringify(s)}, "text": 1}`)),
          documentText.map((t) => Buffer.from(`text=${encodeURIComponent(Buffer.from(t, 'utf8').toString('utf8'))}`)),
        ),
        duplicates,
      )
      .map(([contentType, body, d]): ImportRequest => ({ kind: 'raw', contentType, body, duplicates: d })),
  },
  // Uploads: random bytes, names, types; now and then the wrong field, two files or extra fields.
  {
    weight: 5,
    arbitrary: fc
      .record({
        field: fc.oneof(
          { weight: 8, arbitrary: fc.constant('file') },
          { weight: 1, arbitrary: fc.constantFrom('files', 'text', 'FILE') },
        ),
        files: fc
          .array(
            fc.record(
              {
                bytes: documentBytes,
                filename,
                contentType: fc.constantFrom(
                  'text/plain',
                  'text/html',
                  'application/octet-stream',
                  'image/png',
                  'text/tab-separated-values',
                ),
              },
              { requiredKeys: ['bytes', 'filename'] },
            ),
            { minLength: 1, maxLength: 2 },
          )
          .map((files) => (files.length > 1 && files[0].bytes.length % 4 !== 0 ? files.slice(0, 1) : files)),
        fields: fc.oneof(
          { weight: 3, arbitrary: fc.constant({}) },
          fc.dictionary(
            fc.constantFrom('filename', 'text', '__proto__', 'constructor', 'x'),
            fc.string({ maxLength: 40 }),
            { maxKeys: 2 },
          ),
        ),
        duplicates,
      })
      .map((r): ImportRequest => ({ kind: 'upload', ...r })),
  },
);

const describeShort = (r: ImportRequest): string =>
  r.kind === 'json'
    ? `json ${JSON.stringify(r.body)?.slice(0, 300)}`
    : r.kind === 'raw'
      ? `raw ${r.contentType} ${r.body.length} bytes: ${r.body.subarray(0, 120).toString('latin1')}`
      : `upload field ${r.field}: ${r.files.map((f) => `${JSON.stringify(f.filename.slice(0, 80))} ${f.bytes.length} bytes`).join(', ')}`;

describe.each(kinds.map((k) => [k.name, k] as const))('fuzzing the posting import on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  let reader: Awaited<ReturnType<typeof openTableReader>>;
  beforeAll(async () => {
    reader = await openTableReader(suite.db);
  });
  afterAll(async () => {
    await reader?.close();
  });

  const send = (r: ImportRequest) => {
    const req = request(suite.server.url)
      .post(`/api/postings/import?duplicates=${encodeURIComponent(r.duplicates)}`)
      .set('Authorization', `Bearer ${suite.token}`);
    // As text: supertest refuses to encode a bare number or null itself.
    if (r.kind === 'json') return req.set('Content-Type', 'application/json').send(JSON.stringify(r.body) ?? '');
    if (r.kind === 'raw') return req.set('Content-Type', r.contentType).send(r.body);
    for (const [k, v] of Object.entries(r.fields)) req.field(k, v);
    for (const f of r.files)
      req.attach(r.field, f.bytes, { filename: f.filename, contentType: f.contentType ?? 'text/plain' });
    return req;
  };

  it('never answers 5xx, words every refusal, and saves all of an import or none of it', async () => {
    const outcomes = new Map<string, number>();
    await assertFuzz(
      'fuzz-import',
      importRequest,
      async (r) => {
        const before = await reader.read(TABLES);
        const prototype = prototypeMembers();
        const res = await send(r).catch((error: Error & { response?: request.Response }) => {
          // supertest rejects only when the connection itself failed: a server that hung up on us.
          throw new Error(`no HTTP answer (${error.message}) to ${describeShort(r)}`);
        });
        const where = `${res.status} to ${describeShort(r)}\n  body: ${res.text.slice(0, 500)}`;
        const key = res.status >= 400 ? `${res.status} ${res.body?.code}` : `${res.status}`;
        if (process.env.FUZZ_DEBUG && res.status >= 400)
          process.stderr.write(
            `${key} ${String(res.body?.message).slice(0, 150)} <- ${describeShort(r).slice(0, 100)}\n`,
          );
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        if (res.status >= 500) throw new Error(`a ${where}`);
        expect(prototypeMembers()).toBe(prototype);
        const after = await reader.read(TABLES);
        if (res.status >= 400) {
          const problem = refusalProblem(res.body, 'message');
          if (problem) throw new Error(`a refusal that is not one (${problem}): ${where}`);
          if (JSON.stringify(after) !== JSON.stringify(before))
            throw new Error(`a refused import changed stored data: ${where}`);
          return;
        }
        expect(res.status).toBe(201);
        checkAccepted(res.body as ImportPostingsResponse, before, after, where);
      },
      FUZZ,
    );
    process.stderr.write(`fuzz-import answers: ${[...outcomes].map(([k, n]) => `${k}: ${n}`).join(', ')}\n`);

    // Afterwards the server answers, and a plain import still works.
    await request(suite.server.url).get('/api/health').expect(200);
    const fine = await send({
      kind: 'json',
      body: { text: `Fuzz Survivor ${Date.now()}\n岗位职责\n1. 负责支付对账。\n任职要求\n1. 熟悉SQL。\n` },
      duplicates: 'import',
    });
    expect(fine.status).toBe(201);
    expect((fine.body as ImportPostingsResponse).items[0].duties).toEqual(['负责支付对账。']);
  });
});

/** An accepted import: well-formed postings, and the tables grew by exactly what it says it saved. */
function checkAccepted(body: ImportPostingsResponse, before: TableSnapshot, after: TableSnapshot, where: string): void {
  const wrong = (what: string) => new Error(`${what}: ${where}`);
  if (typeof body.format !== 'string' || !Array.isArray(body.warnings) || !Array.isArray(body.items))
    throw wrong('not an ImportPostingsResponse');
  if (typeof body.awaitingChoice !== 'boolean' || !Array.isArray(body.duplicates) || !Array.isArray(body.postings))
    throw wrong('not an ImportPostingsResponse');
  const nonEmpty = (s: unknown) => typeof s === 'string' && s.trim() !== '';
  for (const p of body.postings) {
    if (!nonEmpty(p.title)) throw wrong('a posting without a title');
    if (p.duties.length === 0 || !p.duties.every(nonEmpty))
      throw wrong('a posting with no duties or an empty duty line');
    if (!p.requirements.every(nonEmpty)) throw wrong('an empty requirement line');
  }
  for (const w of body.warnings)
    if (!nonEmpty(w.message) || typeof w.code !== 'string') throw wrong('a warning without words');
  const items: PostingDetail[] = body.items;
  if (body.awaitingChoice && items.length > 0) throw wrong('saved while awaiting a choice');
  for (const item of items) {
    if (!nonEmpty(item.title) || item.duties.length === 0 || !item.duties.every(nonEmpty))
      throw wrong('a saved posting that is not well-formed');
  }
  const grew = (table: string) => after[table].length - before[table].length;
  const lines = items.reduce((n, i) => n + i.duties.length + i.requirements.length, 0);
  if (grew('postings') !== items.length) throw wrong(`${items.length} postings answered, ${grew('postings')} stored`);
  if (grew('posting_lines') !== lines) throw wrong(`${lines} lines answered, ${grew('posting_lines')} stored`);
  if (grew('document_imports') !== (items.length > 0 ? 1 : 0))
    throw wrong(`${grew('document_imports')} document imports stored`);
  // Nothing already stored changed.
  const kept = (table: string) => before[table].every((row) => after[table].includes(row));
  if (!TABLES.every(kept)) throw wrong('an import changed rows already stored');
}
