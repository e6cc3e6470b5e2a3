import request from 'supertest';
import { createStaff } from '../factories/staff';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs, startTestApp } from '../support/test-app';

const MARKDOWN_POSTING = `# Mobile App Developer

## Responsibilities
- Build the merchant app for iOS and Android with React Native
- Integrate payment SDKs and handle callbacks

## Requirements
- 3+ years of mobile development
`;

// Two roles under one document title (traditional Chinese, as Hong Kong postings are written): an
// introduction, sub-headings over the second role's duties, and a benefits section to skip.
const TWO_ROLES_HANT = `風控建模工程師
我們是一家持牌支付機構，總部位於香港。
工作地點：香港

（策略崗）
崗位職責
1. 負責支付交易反欺詐策略的設計、上線與迭代。
2. 監控策略命中率與誤殺率，定期輸出策略效果報告。
崗位要求
1. 統計學、數學或計算機相關專業本科及以上學歷。
2. 2年以上風控策略經驗，熟練使用SQL。

（模型崗）
崗位職責
模型全生命週期管理
1. 負責信用評分卡與反欺詐模型的開發、驗證與上線。
2. 監控模型穩定性（PSI、KS），及時發起模型迭代。
數據與特徵工程
1. 從交易、設備與行為數據中挖掘有效特徵。
2. 搭建特徵平台，沉澱可復用的特徵庫。
崗位要求
1. 碩士及以上學歷，機器學習、統計學等相關專業。
2. 熟練掌握Python、XGBoost/LightGBM等建模工具。
福利待遇
1. 年終獎金與醫療保險。
2. 彈性上班。
`;
const MODEL_DUTIES = [
  '負責信用評分卡與反欺詐模型的開發、驗證與上線。',
  '監控模型穩定性（PSI、KS），及時發起模型迭代。',
  '從交易、設備與行為數據中挖掘有效特徵。',
  '搭建特徵平台，沉澱可復用的特徵庫。',
];
const MODEL_GROUPS = [
  { kind: 'duty', label: '模型全生命週期管理', start: 0, count: 2 },
  { kind: 'duty', label: '數據與特徵工程', start: 2, count: 2 },
];

describe.each(databaseKinds().map((k) => [k.name, k] as const))('postings on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  /** Imports the two-role traditional-Chinese document (`duplicates` mode) and answers the response. */
  const importTwoRoles = (duplicates: string) =>
    request(suite.server.url)
      .post(`/api/postings/import?duplicates=${duplicates}`)
      .set(auth(suite.token))
      .send({ text: TWO_ROLES_HANT })
      .expect(201);
  let interviewerToken: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const total = async (url = suite.server.url, token = suite.token) =>
    (await request(url).get('/api/postings?limit=1').set(auth(token)).expect(200)).body.total as number;

  beforeAll(async () => {
    const adminToken = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    interviewerToken = (await createStaff(suite.server.url, adminToken, 'interviewer')).token;
  });

  it('imports the 19 seed postings on first start, and not again on restart', async () => {
    // A server and database of this test's own: it stops and restarts them.
    const db = await kind.create();
    let server = await startTestApp(db);
    try {
      expect(await total(server.url, await loginAs(server.url, ADMIN.email, ADMIN.password))).toBe(19);
      await server.close();
      server = await startTestApp(db);
      expect(await total(server.url, await loginAs(server.url, ADMIN.email, ADMIN.password))).toBe(19);
    } finally {
      await server.close();
      await db.dispose();
    }
  });

  it('lists with paging and title search, and shows a posting with its lines', async () => {
    const page = await request(suite.server.url)
      .get('/api/postings?limit=5&offset=0')
      .set(auth(interviewerToken))
      .expect(200);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.total).toBe(19);
    const search = await request(suite.server.url)
      .get(`/api/postings?search=${encodeURIComponent('风险策略')}`)
      .set(auth(suite.token))
      .expect(200);
    expect(search.body.items.map((p: { title: string }) => p.title)).toEqual(['风险策略经理']);
    const summary = search.body.items[0];
    expect(summary.dutyCount).toBeGreaterThan(0);

    const detail = await request(suite.server.url)
      .get(`/api/postings/${summary.id}`)
      .set(auth(suite.token))
      .expect(200);
    expect(detail.body.duties).toHaveLength(summary.dutyCount);
    expect(detail.body.requirements).toHaveLength(summary.requirementCount);
    expect(detail.body.location).toBe('上海');
  });

  it('imports pasted Markdown and an uploaded file', async () => {
    const pasted = await request(suite.server.url)
      .post('/api/postings/import?duplicates=import')
      .set(auth(suite.token))
      .send({ text: MARKDOWN_POSTING, filename: 'mobile.md' })
      .expect(201);
    expect(pasted.body.format).toBe('markdown');
    expect(pasted.body.items).toHaveLength(1);
    expect(pasted.body.items[0]).toMatchObject({
      title: 'Mobile App Developer',
      duties: [expect.stringContaining('React Native'), expect.stringContaining('payment SDKs')],
    });

    const tsv =
      '发布职位\t工作职责\t任职要求\t工作地点\n数据库管理员\t1.负责MySQL数据库的日常运维。2.制定备份与恢复方案。\t1.3年以上DBA经验。\t北京\n';
    const uploaded = await request(suite.server.url)
      .post('/api/postings/import')
      .set(auth(suite.token))
      .attach('file', Buffer.from(tsv, 'utf8'), { filename: 'dba.tsv', contentType: 'text/tab-separated-values' })
      .expect(201);
    expect(uploaded.body.items[0]).toMatchObject({
      title: '数据库管理员',
      location: '北京',
      duties: ['负责MySQL数据库的日常运维。', '制定备份与恢复方案。'],
    });
  });

  it('reports each posting of a two-role traditional-Chinese document, with coded warnings and groups kept', async () => {
    const res = await request(suite.server.url)
      .post('/api/postings/import')
      .set(auth(suite.token))
      .send({ text: TWO_ROLES_HANT, filename: 'hk-risk.txt' })
      .expect(201);
    const { postings, items, warnings } = res.body;
    expect(items.map((p: { id: string }) => p.id)).toEqual(postings.map((p: { id: string }) => p.id));
    expect(postings).toEqual([
      {
        index: 0,
        id: expect.any(String),
        title: '風控建模工程師（策略崗）',
        dutyCount: 2,
        requirementCount: 2,
        duties: [expect.stringContaining('反欺詐策略'), expect.stringContaining('誤殺率')],
        requirements: [expect.stringContaining('統計學'), expect.stringContaining('SQL')],
        groups: [],
      },
      {
        index: 1,
        id: expect.any(String),
        title: '風控建模工程師（模型崗）',
        dutyCount: 4,
        requirementCount: 2,
        duties: MODEL_DUTIES,
        requirements: [expect.stringContaining('碩士'), expect.stringContaining('XGBoost')],
        groups: MODEL_GROUPS,
      },
    ]);
    // Each warning names what was not imported, where (line) and for which posting; the split is document-wide.
    expect(warnings).toEqual([
      {
        code: 'intro-skipped',
        message: expect.stringContaining('not imported'),
        params: { count: 1, text: '我們是一家持牌支付機構，總部位於香港。' },
        posting: 0,
        line: 2,
      },
      {
        code: 'section-skipped',
        message: expect.stringContaining('福利待遇'),
        params: { section: '福利待遇', count: 2 },
        posting: 1,
        line: 24,
      },
      {
        code: 'role-split',
        message: expect.stringContaining('2 roles'),
        params: { count: 2, roles: '（策略崗）, （模型崗）', title: '風控建模工程師' },
        line: 5,
      },
    ]);

    const stored = await request(suite.server.url)
      .get(`/api/postings/${postings[1].id}`)
      .set(auth(suite.token))
      .expect(200);
    expect(stored.body).toMatchObject({ duties: MODEL_DUTIES, groups: MODEL_GROUPS });
    const plain = await request(suite.server.url)
      .get(`/api/postings/${postings[0].id}`)
      .set(auth(suite.token))
      .expect(200);
    expect(plain.body.groups).toEqual([]);

    // Imported again: nothing saved until the person chooses, yet every posting is still reported, without an id.
    const again = await importTwoRoles('report');
    expect(again.body).toMatchObject({ awaitingChoice: true, items: [], warnings });
    expect(again.body.postings.map((p: { index: number; id?: string }) => [p.index, p.id])).toEqual([
      [0, undefined],
      [1, undefined],
    ]);
    expect(again.body.postings[1].groups).toEqual(MODEL_GROUPS);
    const skipped = await importTwoRoles('skip');
    expect(skipped.body).toMatchObject({ awaitingChoice: false, items: [] });
    expect(skipped.body.postings.every((p: { id?: string }) => p.id === undefined)).toBe(true);
  });

  it('keeps group labels across edits: by line text when lists are replaced, as sent when groups are sent', async () => {
    const id = (await importTwoRoles('import')).body.postings[1].id;
    const patch = (body: object) =>
      request(suite.server.url).patch(`/api/postings/${id}`).set(auth(suite.token)).send(body);

    // Fields only: the lines and their groups stay.
    expect((await patch({ title: '模型工程師' }).expect(200)).body.groups).toEqual(MODEL_GROUPS);
    // Lines replaced without groups: a line whose text remains keeps its label, a new one has none.
    const edited = await patch({ duties: [MODEL_DUTIES[1], '新增：維護模型文檔。', MODEL_DUTIES[2]] }).expect(200);
    expect(edited.body.groups).toEqual([
      { kind: 'duty', label: '模型全生命週期管理', start: 0, count: 1 },
      { kind: 'duty', label: '數據與特徵工程', start: 2, count: 1 },
    ]);
    // Groups sent: they label the lines as sent (here the stored ones); [] would remove them all.
    const regrouped = await patch({
      groups: [
        { kind: 'duty', label: '  模型 ', start: 0, count: 2 },
        { kind: 'requirement', label: 'Must have', start: 0, count: 2 },
      ],
    }).expect(200);
    expect(regrouped.body.groups).toEqual([
      { kind: 'duty', label: '模型', start: 0, count: 2 },
      { kind: 'requirement', label: 'Must have', start: 0, count: 2 },
    ]);
    expect(regrouped.body.duties).toEqual([MODEL_DUTIES[1], '新增：維護模型文檔。', MODEL_DUTIES[2]]);
    expect((await patch({ groups: [] }).expect(200)).body.groups).toEqual([]);
  });

  it('refuses groups that do not fit the lines with a 400 that says why, and changes nothing', async () => {
    const id = (await importTwoRoles('import')).body.postings[1].id;
    const group = (start: number, count: number, kind = 'duty', label = 'A') => ({ kind, label, start, count });
    const cases: { body: object; message: RegExp }[] = [
      { body: { groups: [group(3, 2)] }, message: /groups\[0\] covers duties 3–4, but there are 4 duty lines/ },
      { body: { duties: ['x'], groups: [group(0, 2)] }, message: /there is 1 duty line / },
      {
        body: { groups: [group(0, 1, 'requirement'), group(1, 2, 'requirement')] },
        message: /covers requirements 1–2/,
      },
      { body: { groups: [group(0, 2), group(1, 2)] }, message: /groups\[1\] overlaps groups\[0\]/ },
      { body: { groups: [group(0, 1, 'benefit')] }, message: /kind must be duty or requirement/ },
      { body: { groups: [group(0, 1, 'duty', '  ')] }, message: /label cannot be empty/ },
      {
        body: { groups: [group(0, 1, 'duty', '長'.repeat(201))] },
        message: /label must be shorter than or equal to 200/,
      },
      { body: { groups: [group(-1, 1)] }, message: /start must not be less than 0/ },
      { body: { groups: [group(0, 0)] }, message: /count must not be less than 1/ },
      { body: { groups: [{ ...group(0, 1), extra: 1 }] }, message: /unknown field/ },
      { body: { groups: ['A'] }, message: /groups/ },
    ];
    for (const c of cases) {
      const res = await request(suite.server.url).patch(`/api/postings/${id}`).set(auth(suite.token)).send(c.body);
      expect({ body: c.body, status: res.status, code: res.body.code }).toEqual({
        body: c.body,
        status: 400,
        code: 'invalid-request',
      });
      expect(res.body.message).toMatch(c.message);
    }
    const after = await request(suite.server.url).get(`/api/postings/${id}`).set(auth(suite.token)).expect(200);
    expect(after.body).toMatchObject({ duties: MODEL_DUTIES, groups: MODEL_GROUPS });
  });

  it('refuses bad documents with a clear 4xx and saves nothing', async () => {
    const before = await total();
    // Each problem a person can fix has its own code and params, for the staff app to word in zh and en.
    const cases: { send: (r: request.Test) => request.Test; status: number; code: string; params?: object }[] = [
      { send: (r) => r.attach('file', Buffer.alloc(0), 'empty.txt'), status: 422, code: 'import-empty' },
      {
        send: (r) => r.attach('file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]), 'photo.txt'),
        status: 422,
        code: 'file-not-text',
      },
      {
        send: (r) => r.attach('file', Buffer.alloc(5 * 1024 * 1024, 'a'), 'huge.txt'),
        status: 413,
        code: 'body-too-large',
      },
      {
        send: (r) =>
          r.attach('file', Buffer.from('序号\t发布职位\t工作职责\t任职要求\n1\t岗位A\t1.做事\n'), 'broken.tsv'),
        status: 422,
        code: 'import-table-row-cells',
        params: { line: 2, cells: 3, expected: 4 },
      },
      {
        send: (r) => r.attach('file', Buffer.from('%PDF-1.7'), 'posting.pdf'),
        status: 422,
        code: 'import-unsupported-type',
        params: { extension: 'pdf', supported: expect.stringContaining('.md') },
      },
      {
        send: (r) => r.send({ text: 'A note without any duties.', filename: 'note.txt' }),
        status: 422,
        code: 'import-no-duties',
        params: { filename: 'note.txt' },
      },
      { send: (r) => r.send({ text: '   \n  ' }), status: 422, code: 'import-empty' },
      { send: (r) => r.send({ text: MARKDOWN_POSTING, source: 'x' }), status: 400, code: 'invalid-request' },
      { send: (r) => r.send({}), status: 400, code: 'import-missing' },
      {
        send: (r) => r.set('Content-Type', 'application/json').send('{"text": "abc'),
        status: 400,
        code: 'invalid-json',
      },
    ];
    for (const c of cases) {
      const res = await c.send(request(suite.server.url).post('/api/postings/import').set(auth(suite.token)));
      expect({ status: res.status, code: res.body.code, params: res.body.params }).toEqual({
        status: c.status,
        code: c.code,
        params: c.params ?? (c.code === 'invalid-request' ? { detail: 'unknown field "source"' } : undefined),
      });
    }
    expect(await total()).toBe(before);
  });

  it('lets HR edit a posting title and lines, and delete it', async () => {
    const created = await request(suite.server.url)
      .post('/api/postings/import?duplicates=import')
      .set(auth(suite.token))
      .send({ text: MARKDOWN_POSTING, filename: 'm.md' })
      .expect(201);
    const id = created.body.items[0].id;
    const patched = await request(suite.server.url)
      .patch(`/api/postings/${id}`)
      .set(auth(suite.token))
      .send({ title: 'Senior Mobile Developer', duties: ['Own the merchant app release train'] })
      .expect(200);
    expect(patched.body).toMatchObject({
      title: 'Senior Mobile Developer',
      duties: ['Own the merchant app release train'],
      requirements: ['3+ years of mobile development'],
    });

    const invalid = await request(suite.server.url)
      .patch(`/api/postings/${id}`)
      .set(auth(suite.token))
      .send({ duties: [] })
      .expect(400);
    expect(invalid.body.message).toMatch(/at least one duty/);
    const unchanged = await request(suite.server.url).get(`/api/postings/${id}`).set(auth(suite.token)).expect(200);
    expect(unchanged.body.duties).toEqual(['Own the merchant app release train']);

    await request(suite.server.url).delete(`/api/postings/${id}`).set(auth(suite.token)).expect(204);
    await request(suite.server.url).get(`/api/postings/${id}`).set(auth(suite.token)).expect(404);
  });

  it('refuses nulls and blank titles without changing anything', async () => {
    const id = (
      await request(suite.server.url)
        .post('/api/postings/import?duplicates=import')
        .set(auth(suite.token))
        .send({ text: MARKDOWN_POSTING })
        .expect(201)
    ).body.items[0].id;
    for (const body of [
      { title: null },
      { department: null },
      { headcount: null },
      { duties: null },
      { title: '   ' },
      { duties: ['ok', '  '] },
    ]) {
      const res = await request(suite.server.url).patch(`/api/postings/${id}`).set(auth(suite.token)).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    const after = (await request(suite.server.url).get(`/api/postings/${id}`).set(auth(suite.token)).expect(200)).body;
    expect(after.title).toBe('Mobile App Developer');
    expect(after.duties).toHaveLength(2);
  });

  it('counts title, department and location in characters as the database does: just over a 400, at the limit saved intact', async () => {
    const id = (
      await request(suite.server.url)
        .post('/api/postings/import?duplicates=import')
        .set(auth(suite.token))
        .send({ text: MARKDOWN_POSTING })
        .expect(201)
    ).body.items[0].id;
    // '❤️' is two characters to MariaDB (U+2764 and the variation selector U+FE0F); class-validator's MaxLength counted one.
    for (const field of ['title', 'department', 'location']) {
      const res = await request(suite.server.url)
        .patch(`/api/postings/${id}`)
        .set(auth(suite.token))
        .send({ [field]: '❤️'.repeat(101) });
      expect({ field, status: res.status, message: res.body.message }).toEqual({
        field,
        status: 400,
        message: `${field} must be shorter than or equal to 200 characters`,
      });
    }
    const hearts = { title: '❤️'.repeat(100), department: '❤️'.repeat(99) + 'x', location: '😀'.repeat(200) };
    await request(suite.server.url).patch(`/api/postings/${id}`).set(auth(suite.token)).send(hearts).expect(200);
    expect(
      (await request(suite.server.url).get(`/api/postings/${id}`).set(auth(suite.token)).expect(200)).body,
    ).toMatchObject(hearts);
  });

  it('refuses to delete a posting that has assessments', async () => {
    const id = (
      await request(suite.server.url)
        .post('/api/postings/import?duplicates=import')
        .set(auth(suite.token))
        .send({ text: MARKDOWN_POSTING })
        .expect(201)
    ).body.items[0].id;
    await request(suite.server.url).post(`/api/postings/${id}/assessments`).set(auth(suite.token)).send({}).expect(201);
    const res = await request(suite.server.url).delete(`/api/postings/${id}`).set(auth(suite.token)).expect(409);
    expect(res.body.message).toMatch(/has assessments/);
    await request(suite.server.url).get(`/api/postings/${id}`).set(auth(suite.token)).expect(200);
  });

  it('refuses a line too long for one item, on every database', async () => {
    const text = `# Analyst\n\n## Responsibilities\n- ${'长'.repeat(30_000)}\n`;
    const res = await request(suite.server.url)
      .post('/api/postings/import')
      .set(auth(suite.token))
      .send({ text })
      .expect(422);
    expect(res.body).toMatchObject({
      code: 'import-line-too-long',
      params: { title: 'Analyst', kind: 'duty', line: 1, length: 30_000, max: 2000 },
    });
  });

  it('keeps interviewers to reading', async () => {
    const id = (await request(suite.server.url).get('/api/postings?limit=1').set(auth(interviewerToken))).body.items[0]
      .id;
    await request(suite.server.url)
      .post('/api/postings/import?duplicates=import')
      .set(auth(interviewerToken))
      .send({ text: MARKDOWN_POSTING })
      .expect(403);
    await request(suite.server.url)
      .patch(`/api/postings/${id}`)
      .set(auth(interviewerToken))
      .send({ title: 'x' })
      .expect(403);
    await request(suite.server.url).delete(`/api/postings/${id}`).set(auth(interviewerToken)).expect(403);
  });

  it('answers malformed ids and query parameters with 400, unknown ids with 404', async () => {
    await request(suite.server.url).get('/api/postings/not-a-uuid').set(auth(suite.token)).expect(400);
    await request(suite.server.url)
      .get('/api/postings/00000000-0000-4000-8000-000000000000')
      .set(auth(suite.token))
      .expect(404);
    const bad = await request(suite.server.url).get('/api/postings?limit=1000').set(auth(suite.token)).expect(400);
    expect(bad.body.message).toMatch(/limit/);
  });

  it('searches titles literally: % _ and ! are characters, not wildcards, on every database', async () => {
    const token = suite.token;
    for (const title of ['对账 100% 覆盖', '对账 100x 覆盖', 'a_b!c 清算'])
      await request(suite.server.url)
        .post('/api/postings/import?duplicates=import')
        .set(auth(token))
        .send({ text: `# ${title}\n\n## 工作职责\n1. 负责${title}相关工作` })
        .expect(201);
    const titles = async (search: string) =>
      (
        await request(suite.server.url)
          .get(`/api/postings?search=${encodeURIComponent(search)}`)
          .set(auth(token))
          .expect(200)
      ).body.items.map((p: { title: string }) => p.title);
    expect(await titles('100%')).toEqual(['对账 100% 覆盖']);
    expect(await titles('a_b')).toEqual(['a_b!c 清算']);
    expect(await titles('b!c')).toEqual(['a_b!c 清算']);
    expect(await titles('a%c')).toEqual([]);
  });
});
