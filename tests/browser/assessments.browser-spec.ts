import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Locator, Page } from 'playwright-core';
import type { AssessmentView, QuestionAlternative } from '@rubricon/contracts';
import { seedPostingId } from '../factories/postings';
import { invite, startedAttempt } from '../factories/attempts';
import { createStaff } from '../factories/staff';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { staffPage, type UiLang } from '../support/staff-browser';
import { ADMIN, loginAs } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
/** RUBRICON_SHOTS=<dir> saves screenshots of the review page, to look at by eye. */
const SHOTS = process.env.RUBRICON_SHOTS;

describeInBrowser('assessment screens in Chromium', () => {
  const suite = useBrowserSuite();
  const pages: Page[] = [];
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
  });
  let token: string;
  beforeAll(async () => {
    token = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
  });

  const open = async (lang: UiLang, path: string, credentials = ADMIN) => {
    const page = await staffPage(suite.browser, suite.server.url, lang, credentials);
    pages.push(page);
    if (path) await page.goto(suite.server.url + path);
    return page;
  };
  const call = (method: 'get' | 'post' | 'patch', path: string, body?: object) =>
    request(suite.server.url)[method](`/api${path}`).set('Authorization', `Bearer ${token}`).send(body);
  const generate = async (postingTitle: string, seed?: number): Promise<AssessmentView> => {
    const postingId = await seedPostingId(suite.server.url, token, postingTitle);
    return (await call('post', `/postings/${postingId}/assessments`, seed === undefined ? {} : { seed }).expect(201))
      .body;
  };
  const fetchView = async (id: string): Promise<AssessmentView> =>
    (await call('get', `/assessments/${id}`).expect(200)).body;
  const neededMinutes = (view: AssessmentView) =>
    view.sections.flatMap((s) => s.questions).reduce((sum, q) => sum + q.minutes, 0);

  const cards = (page: Page) => page.locator('article[data-question-id]');
  const cardIds = (page: Page) =>
    cards(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-question-id')!));
  const card = (page: Page, id: string) => page.locator(`article[data-question-id="${id}"]`);

  it('generates a draft from a posting, edits it, and freezes it on publish', async () => {
    const page = await open('en', '/postings');
    await page.getByLabel('Search titles').fill('开发工程师');
    await page.getByLabel('Search titles').press('Enter');
    await page.getByRole('link', { name: '开发工程师', exact: true }).click();
    await page.getByRole('button', { name: 'Generate assessment' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /^Coding/, level: 2 }).waitFor();
    await expectText(page.getByTestId('assessment-status'), 'Draft');

    // The matrix has one column per question card and one row per duty line; 完成…其他工作 is not assessable.
    const matrix = page.getByRole('table', { name: 'Coverage matrix' });
    const ids = await cardIds(page);
    expect(ids.length).toBeGreaterThan(2);
    expect(await matrix.locator('thead th[data-question-id]').count()).toBe(ids.length);
    expect(await matrix.locator('tbody tr[data-state]').count()).toBeGreaterThan(2);
    await expectText(matrix.locator('tr[data-state="not-assessable"]').first(), 'not assessable');
    await expectText(cards(page).first(), 'Hidden tests');
    expect(await cards(page).first().getByRole('table', { name: 'Examples' }).textContent()).toContain(
      'Expected output',
    );

    // A duration out of range is explained in the interface language before any request; a valid one is saved.
    const duration = page.getByLabel('Duration (minutes)');
    await duration.fill('3');
    await duration.press('Enter');
    await expectText(page.getByRole('alert'), 'Between 5 and 600 minutes.');
    await duration.fill('95');
    await duration.press('Enter');
    await page.getByText('The duration is saved.').waitFor();

    // Remove every question that assesses the least-covered duty line: that line turns uncovered.
    const target = await leastCoveredRow(matrix, ids.length);
    for (const id of target.questionIds) {
      await card(page, id)
        .getByRole('button', { name: /^Remove/ })
        .click();
      await page.getByRole('tooltip').getByRole('button', { name: 'Remove' }).click();
      await card(page, id).waitFor({ state: 'detached' });
    }
    const row = matrix.locator('tbody tr[data-state]').nth(target.index);
    expect(await row.getAttribute('data-state')).toBe('uncovered');
    await expectText(page.getByRole('note'), target.text);
    expect(Number((await page.getByTestId('coverage').textContent())!.replace('%', ''))).toBeLessThan(100);

    // Swap a question for one of its replacements, in place.
    const first = cards(page).first();
    const oldId = (await first.getAttribute('data-question-id'))!;
    await first.getByRole('button', { name: /^Swap/ }).click();
    const drawer = page.getByRole('dialog', { name: /^Replace Q1 / });
    await drawer
      .getByRole('button', { name: /^Use this/ })
      .first()
      .click();
    await drawer.waitFor({ state: 'detached' });
    const afterSwap = await cardIds(page);
    expect(afterSwap).not.toContain(oldId);
    expect(afterSwap).toHaveLength(ids.length - target.questionIds.length);

    // Add a behavioural question from the bank.
    await page.getByRole('button', { name: 'Add a question from the bank' }).click();
    const search = page.getByRole('search', { name: 'Search the bank' });
    await search.getByLabel('Kind').click();
    await chooseOption(page, 'Behavioural');
    await search.getByRole('button', { name: /^Search/ }).click();
    await page
      .getByRole('list', { name: 'Add a question from the bank' })
      .getByRole('button', { name: /^Add / })
      .first()
      .click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('article[data-question-id]').length === n,
      afterSwap.length + 1,
    );

    await page.getByRole('button', { name: /^Publish/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^(Yes, publish|Publish anyway)$/ })
      .click();
    await expectText(page.getByTestId('assessment-status'), 'Published');
    for (const name of [/^Publish$/, /^Swap/, /^Remove/])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    // The duration is frozen; the reminders to candidates are the one setting left open after publishing.
    expect(await page.getByTestId('reminders').getByRole('spinbutton').count()).toBe(2);
    expect(await page.getByRole('spinbutton').count()).toBe(2);
    expect(await page.getByText('Add a question from the bank').count()).toBe(0);

    await page.getByText('Back to the posting').click();
    await expectText(page.getByRole('table', { name: 'Assessments' }), 'Published');
  }, 180_000);

  it('speaks Chinese: kind names, matrix and headers', async () => {
    const view = await generate('云计算开发');
    const page = await open('zh', `/assessments/${view.id}`);
    await page.getByRole('heading', { name: /^编程题/, level: 2 }).waitFor();
    const kinds = await page.locator('section[aria-labelledby^="section-"] h2').allTextContents();
    expect(kinds.every((k) => /^(编程题|案例分析题|情景题|行为面试题)/.test(k))).toBe(true);
    await page.getByRole('table', { name: '职责覆盖矩阵' }).waitFor();
    await page.getByRole('columnheader', { name: '评分维度' }).first().waitFor();
    expect(await cards(page).first().locator('h3').textContent()).toMatch(/^第 1 题[\u4e00-\u9fff]/);
  }, 120_000);

  it('warns with both numbers before publishing less time than the questions need, in English and Chinese, and cancelling keeps the draft', async () => {
    const { id } = await generate('开发工程师', 41);
    await call('patch', `/assessments/${id}`, { durationMinutes: 10 }).expect(200);
    const needed = neededMinutes(await fetchView(id));
    expect(needed).toBeGreaterThan(10);

    const en = await open('en', `/assessments/${id}`);
    await en
      .getByText(`The duration (10 min) is shorter than the questions need (${needed} min).`, { exact: true })
      .waitFor();
    await en.getByRole('button', { name: /^Publish$/ }).click();
    const warning = en.getByRole('dialog', { name: 'Less time than the questions need' });
    await warning.getByText(`Candidates get 10 minutes, but the questions need ${needed} minutes.`).waitFor();
    // A click while the dialog still zooms in was once lost (the dialog stayed open): click once it stands.
    await en.locator('.ant-modal.ant-zoom-appear').waitFor({ state: 'detached' });
    await warning.getByRole('button', { name: 'Cancel' }).click();
    await warning.waitFor({ state: 'hidden' });
    expect((await fetchView(id)).status).toBe('draft');

    const zh = await open('zh', `/assessments/${id}`);
    await zh.getByText(`测评时长（10 分钟）少于题目预计用时（${needed} 分钟）。`, { exact: true }).waitFor();
    await zh.getByRole('button', { name: /^发 ?布$/ }).click();
    const warningZh = zh.getByRole('dialog', { name: '测评时长少于题目所需时间' });
    await warningZh.getByText(`候选人只有 10 分钟，但题目预计需要 ${needed} 分钟。`).waitFor();
    await zh.locator('.ant-modal.ant-zoom-appear').waitFor({ state: 'detached' });
    await warningZh.getByRole('button', { name: /^取 ?消$/ }).click();
    await warningZh.waitFor({ state: 'hidden' });
    expect((await fetchView(id)).status).toBe('draft');

    // Confirmed, it publishes; with enough time the dialog asks only whether to freeze it.
    await zh.getByRole('button', { name: /^发 ?布$/ }).click();
    await warningZh.getByRole('button', { name: '仍然发布' }).click();
    await expectText(zh.getByTestId('assessment-status'), '已发布');
    expect((await fetchView(id)).status).toBe('published');

    // Or it publishes with the time the questions need, in one step.
    const lengthen = await generate('开发工程师', 45);
    await call('patch', `/assessments/${lengthen.id}`, { durationMinutes: 10 }).expect(200);
    await en.goto(`${suite.server.url}/assessments/${lengthen.id}`);
    await en.getByRole('button', { name: /^Publish$/ }).click();
    await warning.getByRole('button', { name: `Publish with ${lengthen.questionMinutes} minutes` }).click();
    await expectText(en.getByTestId('assessment-status'), 'Published');
    expect(await fetchView(lengthen.id)).toMatchObject({
      status: 'published',
      durationMinutes: neededMinutes(lengthen),
    });

    const enough = await generate('开发工程师', 42);
    await call('patch', `/assessments/${enough.id}`, { durationMinutes: neededMinutes(enough) }).expect(200);
    await en.goto(`${suite.server.url}/assessments/${enough.id}`);
    await en.getByRole('button', { name: /^Publish$/ }).click();
    const plain = en.getByRole('dialog', { name: 'Publish this assessment?' });
    await plain.getByRole('button', { name: 'Yes, publish' }).waitFor();
    expect(await plain.getByText(/minutes, but the questions need/).count()).toBe(0);
  }, 180_000);

  it('explains each question: the duty lines it assesses, how, by which words; marks a composed question; gives the family’s reasons, in English and Chinese', async () => {
    const view = await generate('开发工程师', 46);
    const questions = view.sections.flatMap((s) => s.questions);
    const composed = questions.find((q) => q.composedFrom);
    const explained = questions.find(
      (q) => !q.composedFrom && q.dutyMatches.some((m) => m.strength === 'direct' && m.words.length > 0),
    );
    if (!composed || !explained) throw new Error('开发工程师 (seed 46) has no composed question or no direct match');
    const match = explained.dutyMatches.find((m) => m.strength === 'direct' && m.words.length > 0)!;
    expect(view.familyReasons.length).toBeGreaterThan(0);
    // Generation gives every assessable line a direct question, composing one where the bank has none.
    expect(view.directPercent).toBe(100);
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });

    const words = {
      en: {
        why: 'Why this question',
        direct: 'Direct',
        shared: 'Shared words',
        competencies: 'Shared competencies',
        composed: 'Composed from a duty line — please review',
        reasons: 'Why this role family',
        directPercent: 'direct: 100%',
        directQuestion: 'direct question',
        matrix: 'Coverage matrix',
      },
      zh: {
        why: '为什么选这道题',
        direct: '直接',
        shared: '共同词语',
        competencies: '共同能力',
        composed: '由岗位职责生成 — 请审核',
        reasons: '岗位族依据',
        directPercent: '直接覆盖 100%',
        directQuestion: '有直接考察的题目',
        matrix: '职责覆盖矩阵',
      },
    };
    for (const lang of ['en', 'zh'] as const) {
      const w = words[lang];
      const page = await open(lang, `/assessments/${view.id}`);
      const why = card(page, explained.id).getByRole('list', { name: w.why, exact: true });
      const line = why.locator(`li[data-duty-index="${match.index}"]`);
      await line.waitFor();
      expect(await line.getAttribute('data-strength')).toBe('direct');
      expect(await line.textContent()).toContain(`${match.index + 1}. ${view.duties[match.index].text}`);
      expect(await line.locator('.ant-tag[data-strength="direct"]').textContent()).toContain(w.direct);
      expect(await line.getByRole('list', { name: w.shared }).getByRole('listitem').allTextContents()).toEqual(
        match.words,
      );
      expect(await line.getByRole('list', { name: w.competencies }).getByRole('listitem').allTextContents()).toEqual(
        match.competencies.map((c) => view.competencyLabels[c][lang]),
      );
      // Every line the question assesses is explained, the plain duty list is gone.
      expect(await why.locator('li[data-duty-index]').count()).toBe(explained.dutyMatches.length);

      const composedCard = card(page, composed.id);
      expect(await composedCard.getByTestId('composed-tag').textContent()).toContain(w.composed);
      expect(await composedCard.getByTestId('composed-from').locator('blockquote').textContent()).toBe(
        `“${composed.composedFrom!.duty}”`,
      );

      await page.getByText(w.reasons, { exact: true }).waitFor();
      expect(await page.getByTestId('family-reasons').locator('li').allTextContents()).toEqual(
        view.familyReasons.map((r) => r[lang]),
      );
      expect(await page.getByTestId('direct-coverage').textContent()).toBe(w.directPercent);
      const matrix = page.getByRole('table', { name: w.matrix });
      const covered = matrix.locator('tbody tr[data-state="covered"]');
      expect(await covered.count()).toBeGreaterThan(0);
      const bests = await covered.getByTestId('duty-best').allTextContents();
      expect(bests).toEqual(bests.map(() => `✓ ${w.directQuestion}`));
      expect(bests).toHaveLength(await covered.count());
      expect(await axeProblems(page)).toEqual([]);

      if (SHOTS) {
        await page.screenshot({ path: join(SHOTS, `assessment-review-${lang}.png`) });
        await composedCard.scrollIntoViewIfNeeded();
        await composedCard.screenshot({ path: join(SHOTS, `assessment-composed-${lang}.png`) });
        await card(page, explained.id).screenshot({ path: join(SHOTS, `assessment-why-${lang}.png`) });
      }
    }
  }, 180_000);

  it('ranks replacements by the duty lines they assess directly and shows why for each, in English and Chinese', async () => {
    const { view, question, replacements } = await questionWithReplacements();
    const page = await open('en', `/assessments/${view.id}`);
    await card(page, question.id).getByRole('button', { name: /^Swap/ }).click();
    const drawer = page.getByRole('dialog', { name: /^Replace Q\d+ “/ });
    const items = drawer.locator('li[data-alternative-id]');
    await items.first().waitFor();
    const shown = await items.evaluateAll((lis) =>
      lis.map((li) => ({
        id: li.getAttribute('data-alternative-id')!,
        text: li.textContent!,
        lines: Array.from(li.querySelectorAll('li[data-duty-index]')).map((line) => ({
          index: Number(line.getAttribute('data-duty-index')),
          strength: line.getAttribute('data-strength'),
          tag: line.querySelector('.ant-tag[data-strength]')!.textContent!,
          words: Array.from(line.querySelectorAll('[role="list"][aria-label="Shared words"] [role="listitem"]')).map(
            (tag) => tag.textContent,
          ),
        })),
      })),
    );
    expect(shown.map((s) => s.id)).toEqual(replacements.map((r) => r.id));
    // None assesses no duty line any more, so none needs the confirmation.
    expect(replacements.every((r) => !r.coversNoDuty && r.duties.length > 0)).toBe(true);
    const direct = replacements.map((r) => r.duties.filter((d) => d.strength === 'direct').length);
    expect(direct).toEqual([...direct].sort((a, b) => b - a));
    replacements.forEach((r, i) => {
      expect(shown[i].text).toContain(`Duty lines covered: ${r.dutyIndexes.length}`);
      expect(shown[i].lines).toEqual(
        r.duties.map((d) => ({
          index: d.index,
          strength: d.strength,
          tag: `${d.strength === 'direct' ? '✓' : '◐'} ${d.strength === 'direct' ? 'Direct' : 'Partial'}`,
          words: d.words,
        })),
      );
      for (const d of r.duties) expect(shown[i].text).toContain(d.text);
    });

    // In Chinese, the same why; using one replaces the question in place.
    const chosen = replacements[0];
    const zh = await open('zh', `/assessments/${view.id}`);
    await card(zh, question.id)
      .getByRole('button', { name: /^换 ?题/ })
      .click();
    const item = zh.getByRole('dialog', { name: /^替换第 \d+ 题“/ }).locator(`li[data-alternative-id="${chosen.id}"]`);
    await expectText(item, chosen.duties[0].strength === 'direct' ? '直接' : '部分');
    await item.getByRole('button', { name: /^换成这道/ }).click();
    await card(zh, chosen.id).waitFor();
    const after = cardIdsOf(await fetchView(view.id));
    expect(after).toContain(chosen.id);
    expect(after).not.toContain(question.id);
  }, 180_000);

  const cardIdsOf = (view: AssessmentView) => view.sections.flatMap((s) => s.questions.map((q) => q.id));

  /** A draft question with at least two replacements, one of them assessing a line directly. */
  async function questionWithReplacements() {
    for (const title of ['开发工程师', '云计算开发', '架构规划'])
      for (const seed of [7, 8]) {
        const view = await generate(title, seed);
        for (const question of view.sections.flatMap((s) => s.questions)) {
          const replacements = (
            await call(
              'get',
              `/assessments/${view.id}/questions/${encodeURIComponent(question.id)}/alternatives`,
            ).expect(200)
          ).body as QuestionAlternative[];
          if (replacements.length > 1 && replacements.some((r) => r.duties.some((d) => d.strength === 'direct')))
            return { view, question, replacements };
        }
      }
    throw new Error('No seed posting has a question with two replacements, one assessing a duty line directly');
  }

  it('numbers HR’s questions Q1..Qn in the order the candidate meets them, also after adding one at the end', async () => {
    const draft = await generate('开发工程师', 44);
    const used = new Set(cardIdsOf(draft));
    const coding = ((await call('get', '/bank/questions?kind=coding').expect(200)).body as { id: string }[]).find(
      (q) => !used.has(q.id),
    )!;
    await call('post', `/assessments/${draft.id}/questions`, { questionId: coding.id }).expect(201);
    await call('post', `/assessments/${draft.id}/publish`).expect(201);
    const [link] = await invite(suite.server.url, token, draft.id);
    const { started } = await startedAttempt(suite.server.url, link);
    const candidateOrder = started.questions.map((q) => q.id);
    expect(candidateOrder).toContain(coding.id);

    for (const lang of ['en', 'zh'] as const) {
      const page = await open(lang, `/assessments/${draft.id}`);
      await cards(page).first().waitFor();
      const numbered = await cards(page).evaluateAll((els) =>
        els.map((el) => ({
          id: el.getAttribute('data-question-id')!,
          heading: el.querySelector('h3')!.textContent!,
        })),
      );
      const byCandidateNumber = candidateOrder.map((id, i) => {
        const shown = numbered.find((n) => n.id === id)!;
        return shown.heading.startsWith(lang === 'en' ? `Q${i + 1}` : `第 ${i + 1} 题`);
      });
      expect(byCandidateNumber).toEqual(candidateOrder.map(() => true));
      const headers = await page
        .getByRole('table', { name: lang === 'en' ? 'Coverage matrix' : '职责覆盖矩阵' })
        .locator('thead th[data-question-id]')
        .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-question-id')));
      expect(headers).toEqual(candidateOrder);
    }
  }, 120_000);

  it('shows an interviewer no assessment controls and no way in, while HR has them all', async () => {
    const interviewer = await createStaff(suite.server.url, token, 'interviewer');
    const hr = await createStaff(suite.server.url, token, 'hr');
    const view = await generate('开发工程师', 43);
    const postingPath = `/postings/${view.postingId}`;

    const asInterviewer = await open('zh', postingPath, interviewer);
    await asInterviewer.getByRole('heading', { name: '开发工程师', level: 1 }).waitFor();
    const nav = asInterviewer.getByRole('navigation', { name: '主导航' });
    expect(await nav.getByRole('link', { name: /^测评/ }).count()).toBe(0);
    expect(await asInterviewer.getByRole('button', { name: /生成测评|发 ?布|换 ?题|移 ?除/ }).count()).toBe(0);
    expect(await asInterviewer.getByRole('heading', { name: '测评', exact: true }).count()).toBe(0);
    for (const path of [`/assessments/${view.id}`, '/assessments']) {
      await asInterviewer.goto(suite.server.url + path);
      await asInterviewer.getByText('您的角色（面试官）不能使用此页面。').waitFor();
      expect(await asInterviewer.getByRole('button', { name: /发 ?布|换 ?题|移 ?除/ }).count()).toBe(0);
      expect(await asInterviewer.getByRole('spinbutton').count()).toBe(0);
    }

    const asHr = await open('zh', postingPath, hr);
    await asHr.getByRole('button', { name: '生成测评' }).waitFor();
    await asHr.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /^测评/ }).waitFor();
    await asHr.goto(`${suite.server.url}/assessments/${view.id}`);
    await asHr.getByRole('button', { name: /^发 ?布$/ }).waitFor();
    expect(await asHr.getByRole('button', { name: /^换 ?题/ }).count()).toBe(view.questionCount);
    expect(await asHr.getByRole('button', { name: /^移 ?除/ }).count()).toBe(view.questionCount);
    expect(await asHr.getByRole('spinbutton', { name: '测评时长（分钟）' }).count()).toBe(1);
  }, 120_000);

  it('lists assessments across postings, filtered by status and posting and searched by posting title', async () => {
    const importPosting = async (title: string, duties: string[]) =>
      (
        await call('post', '/postings/import', {
          text: `# ${title}\n\n## 工作职责\n${duties.map((d, i) => `${i + 1}. ${d}`).join('\n')}\n\n## 任职要求\n1. 本科及以上学历`,
        }).expect(201)
      ).body.items[0] as { id: string };
    const a = await importPosting('跨岗位测评甲', ['负责后端服务开发与接口设计', '负责线上故障排查与调试']);
    const b = await importPosting('跨岗位测评乙', ['负责数据分析与报表开发', '负责业务需求分析']);
    const first = (await call('post', `/postings/${a.id}/assessments`, { seed: 1 }).expect(201)).body as AssessmentView;
    await call('post', `/postings/${a.id}/assessments`, { seed: 2 }).expect(201);
    await call('post', `/postings/${b.id}/assessments`, { seed: 1 }).expect(201);
    await call('post', `/assessments/${first.id}/publish`).expect(201);

    const page = await open('en', '/postings');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: /^Assessments/ })
      .click();
    await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Assessments' });
    const rows = () => table.locator('tbody tr[data-row-key]');
    const postingsShown = async () => (await rows().locator('td:nth-child(2)').allTextContents()).sort();

    await page.getByLabel('Search posting titles').fill('跨岗位测评');
    await page.getByLabel('Search posting titles').press('Enter');
    await page.getByText('Total: 3').waitFor();
    expect(await postingsShown()).toEqual(['跨岗位测评乙', '跨岗位测评甲', '跨岗位测评甲']);

    await page.getByLabel('Status').click();
    await chooseOption(page, 'Published');
    await page.getByText('Total: 1').waitFor();
    expect(await postingsShown()).toEqual(['跨岗位测评甲']);
    await expectText(rows().first(), 'Published');
    await rows().first().getByRole('link', { name: '跨岗位测评甲' }).click();
    await page.waitForURL(`**/assessments/${first.id}`);
    await page.goBack();
    await page.getByText('Total: 1').waitFor();

    await page.getByLabel('Status').click();
    await chooseOption(page, 'All statuses');
    await page.getByText('Total: 3').waitFor();
    await page.getByLabel('Posting', { exact: true }).fill('跨岗位测评乙');
    await chooseOption(page, '跨岗位测评乙');
    await page.getByText('Total: 1').waitFor();
    expect(await postingsShown()).toEqual(['跨岗位测评乙']);
    await expectText(rows().first(), 'Draft');
  }, 120_000);
});

/** The assessable row with the fewest marks (at least one, fewer than all questions). */
async function leastCoveredRow(matrix: Locator, questionCount: number) {
  const rows = await matrix.locator('tbody tr[data-state]').evaluateAll((trs) =>
    trs.map((tr, index) => ({
      index,
      text: tr.querySelector('[data-testid="duty-text"]')!.textContent!,
      assessable: tr.getAttribute('data-state') !== 'not-assessable',
      questionIds: Array.from(tr.querySelectorAll('td[data-question-id]'))
        .filter((td) => td.querySelector('[data-strength]'))
        .map((td) => td.getAttribute('data-question-id')!),
    })),
  );
  const candidates = rows.filter(
    (r) => r.assessable && r.questionIds.length > 0 && r.questionIds.length < questionCount,
  );
  expect(candidates.length).toBeGreaterThan(0);
  return candidates.sort((a, b) => a.questionIds.length - b.questionIds.length)[0];
}

/**
 * Picks an option of the open antd Select. By its visible title: antd gives assistive technology only
 * the options next to the active one, so an option further down has no role="option" to find.
 */
async function chooseOption(page: Page, title: string) {
  await page.locator('.ant-select-dropdown').getByTitle(title, { exact: true }).click();
}

/** Serious and critical axe findings, as "rule: target" lines (empty when clean). */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

/** Waits until the element shows the text (answers arrive asynchronously), then asserts it. */
async function expectText(locator: Locator, text: string) {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
  expect(await locator.first().textContent()).toContain(text);
}
