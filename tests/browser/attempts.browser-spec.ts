import { join } from 'node:path';
import request from 'supertest';
import type { AssessmentView, AttemptDetail, InvitationLink } from '@rubricon/contracts';
import type { Page } from 'playwright-core';
import { invite, publishedAssessment, startedAttempt } from '../factories/attempts';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { candidateApi, staffApi } from '../support/candidate-client';
import { ADMIN, loginAs } from '../support/test-app';
import { until } from '../support/until';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);
const SHOTS = process.env.RUBRICON_SHOTS;
// The submit button, not "重新生成链接" (New link); antd leaves a hidden "loading" icon in its name after a request.
const CREATE_LINKS = /(^| )生成链接$/;

/** HR's candidate and attempt screens: invitations, links, extra time, the attempt report. */
describeInBrowser('HR attempts screens in Chromium', () => {
  const suite = useBrowserSuite();
  let token: string;
  let assessment: AssessmentView;
  const hr = (method: 'get' | 'post' | 'patch', path: string) => staffApi(suite.server.url, token)(method, path);

  beforeAll(async () => {
    token = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    assessment = await publishedAssessment(suite.server.url, token, '开发工程师');
  });

  /** A signed-in page in `lang` at `path`: the token and language as the app keeps them. */
  async function open(path: string, lang: 'en' | 'zh'): Promise<Page> {
    const context = await suite.browser.newContext({
      locale: lang === 'zh' ? 'zh-CN' : 'en-US',
      viewport: { width: 1366, height: 900 },
      timezoneId: 'UTC',
    });
    await context.addInitScript(
      ([t, l]) => {
        localStorage.setItem('rubricon.token', t);
        localStorage.setItem('rubricon.lang', l);
      },
      [token, lang],
    );
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(suite.server.url + path);
    return page;
  }
  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  const row = (page: Page, name: string) => page.getByTestId('attempt-row').filter({ hasText: name });
  const named = async (name: string) => {
    const [link] = (
      await hr('post', `/api/assessments/${assessment.id}/invitations`)
        .send({ candidates: [{ name, email: `${name.replace(/\W/g, '').toLowerCase()}-${Date.now()}@example.com` }] })
        .expect(201)
    ).body as InvitationLink[];
    return link;
  };
  const openSession = (link: Pick<InvitationLink, 'token'>) =>
    request(suite.server.url).post('/api/candidate/sessions').send({ token: link.token });

  it('gives a started attempt a new link, shown once, after which the old link is refused', async () => {
    const link = await named('Lin Started');
    await startedAttempt(suite.server.url, link);
    const page = await open(`/assessments/${assessment.id}/attempts`, 'en');
    await row(page, 'Lin Started').getByRole('button', { name: 'New link' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'New link' }).click();

    const links = page.getByRole('region', { name: 'New links (shown once)' });
    const url = await links.getByLabel('Link for Lin Started').inputValue();
    expect(url).toMatch(/\/take\/.+/);
    expect(url).not.toBe(link.url);
    await shot(page, 'attempts-new-link-en');
    expect((await openSession(link)).status).toBeGreaterThanOrEqual(400);
    await openSession({ token: url.split('/take/')[1] }).expect(201);

    await page.reload();
    await row(page, 'Lin Started').waitFor();
    expect(await page.getByRole('region', { name: 'New links (shown once)' }).count()).toBe(0);
    await page.context().close();
  });

  it('gives extra time from a modal, shows the moved deadline, and lists who changed the attempt and when', async () => {
    const link = await named('Wu Extra');
    const { session } = await startedAttempt(suite.server.url, link);
    const before = ((await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail)
      .deadline!;
    const page = await open(`/assessments/${assessment.id}/attempts`, 'en');
    await expectText(row(page, 'Wu Extra').getByTestId('deadline'), when(before));

    await row(page, 'Wu Extra').getByRole('button', { name: 'Extra time' }).click();
    const dialog = page.getByRole('dialog', { name: 'Extra time for Wu Extra' });
    await dialog.getByLabel('Minutes to add').fill('30');
    await shot(page, 'attempts-extra-time-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const after = new Date(new Date(before).getTime() + 30 * 60_000).toISOString();
    await expectText(row(page, 'Wu Extra').getByTestId('deadline'), when(after));
    expect(await row(page, 'Wu Extra').getByTestId('deadline').textContent()).not.toContain(when(before));

    // A new link too, then the attempt's history says what, who and when.
    await row(page, 'Wu Extra').getByRole('button', { name: 'New link' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'New link' }).click();
    await page.getByLabel('Link for Wu Extra').waitFor();
    await row(page, 'Wu Extra').getByRole('link', { name: 'Wu Extra' }).click();
    await expectText(page.getByTestId('attempt-deadline'), when(after));
    const history = page.getByRole('table', { name: 'Link and time changes' });
    const lines = await history.locator('tbody tr').allInnerTexts();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/Extra time: 30 min\s+Administrator\s+\d+ \w{3} \d{4}, \d\d:\d\d/);
    expect(lines[1]).toMatch(/New link issued\s+Administrator\s+\d+ \w{3} \d{4}, \d\d:\d\d/);
    await shot(page, 'attempt-history-en');
    await page.getByTestId('lang-toggle').getByText('中文').click();
    const zh = await page.getByRole('table', { name: '链接与时间变更' }).locator('tbody tr').allInnerTexts();
    expect(zh[0]).toMatch(/延长时间：30 分钟\s+Administrator\s+\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/);
    expect(zh[1]).toMatch(/生成了新链接\s+Administrator\s+\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/);
    await expectText(page.getByText('+30 分钟'), '+30 分钟');
    await shot(page, 'attempt-history-zh');
    await page.context().close();
  });

  it('numbers HR’s questions as the candidate’s page does and shows the unanswered ones as unanswered', async () => {
    const link = await named('Zhou Partial');
    const { session, started } = await startedAttempt(suite.server.url, link);
    // The candidate's page numbers its questions by their place in this list (QuestionNav).
    const candidateOrder = started.questions;
    expect(candidateOrder.length).toBeGreaterThanOrEqual(4);
    const third = candidateOrder[2];
    await candidateApi(suite.server.url, session.accessToken)
      .save(third.id, {
        content: 'My answer to the third question.',
        version: 1,
        ...(third.kind === 'coding' ? { language: 'javascript' } : {}),
      })
      .expect(200);

    for (const lang of ['en', 'zh'] as const) {
      const page = await open(`/attempts/${session.attemptId}`, lang);
      const cards = page.getByTestId('hr-answer');
      await cards.first().waitFor();
      const titles = await cards.getByRole('heading', { level: 3 }).allInnerTexts();
      expect(titles).toEqual(
        candidateOrder.map((q, i) =>
          lang === 'en' ? `Q${i + 1} · ${q.title.en}` : `第 ${i + 1} 题 · ${q.title.zh || q.title.en}`,
        ),
      );
      const unanswered = lang === 'en' ? 'Unanswered' : '未作答';
      for (let i = 0; i < candidateOrder.length; i++)
        expect(await cards.nth(i).getByText(unanswered, { exact: true }).count()).toBe(i === 2 ? 0 : 1);
      await expectText(cards.nth(2), 'My answer to the third question.');
      const list = candidateOrder.map((_, i) => i).filter((i) => i !== 2);
      await expectText(
        page.getByTestId('unanswered-summary'),
        lang === 'en'
          ? `Unanswered questions: ${list.map((i) => `Q${i + 1}`).join(', ')}`
          : `未作答的题目：${list.map((i) => `第 ${i + 1} 题`).join('、')}`,
      );
      await shot(page, `attempt-answers-${lang}`);
      await page.context().close();
    }
  });

  it('refuses a second invitation for the same email, in Chinese and in English, unless the first was revoked', async () => {
    const first = await named('Gao Twice');
    const email = first.candidate.email;
    const page = await open(`/assessments/${assessment.id}/attempts`, 'zh');
    await page.getByLabel('姓名').fill('高二次');
    await page.getByLabel('邮箱').fill(email.toUpperCase());
    await page.getByRole('button', { name: CREATE_LINKS }).click();
    await expectText(page.getByRole('alert'), `${email} 已被邀请参加本测评。如需重新邀请，请先撤回之前的邀请。`);
    await shot(page, 'attempts-invited-twice-zh');
    await page.getByTestId('lang-toggle').getByText('English').click();
    await expectText(
      page.getByRole('alert'),
      `${email} is already invited to this assessment. Revoke that invitation first to invite them again.`,
    );
    expect(await page.getByRole('region', { name: 'New links (shown once)' }).count()).toBe(0);

    // A CSV with that email and a new one: the new one is invited, the line of the other is listed.
    const fresh = `fresh-${Date.now()}@example.com`;
    await page.locator('input[type=file]').setInputFiles({
      name: 'candidates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`name,email\nFresh Person,${fresh}\nGao Again,${email}\n`),
    });
    await expectText(
      page.getByTestId('skipped-lines'),
      `Line 3: ${email} is already invited to this assessment. Revoke that invitation first to invite them again.`,
    );
    await page.getByLabel('Link for Fresh Person').waitFor();
    await page.getByTestId('lang-toggle').getByText('中文').click();
    await expectText(page.getByTestId('skipped-lines'), `第 3 行：${email} 已被邀请参加本测评。`);
    await shot(page, 'attempts-csv-skipped-zh');

    // Once the first invitation is revoked, the same email can be invited again.
    await hr('post', `/api/invitations/${first.invitationId}/revoke`).expect(200);
    await page.getByLabel('邮箱').fill(email);
    await page.getByRole('button', { name: CREATE_LINKS }).click();
    await page.getByLabel('高二次 的链接').waitFor();
    await page.context().close();
  });

  it('summarises the integrity signals first (pastes with their total size, time away, runs) and filters the folded list by kind', async () => {
    const link = await named('Qian Signals');
    const { session, started } = await startedAttempt(suite.server.url, link);
    const c = candidateApi(suite.server.url, session.accessToken);
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const signal = (type: string, detail?: Record<string, number>) =>
      c
        .signal({ attemptId: session.attemptId, type, questionId: coding.id, ...(detail ? { detail } : {}) })
        .expect(200);
    await signal('paste', { size: 1200 });
    await signal('resize', { width: 800, height: 600 });
    await signal('blur');
    await signal('focus');
    await signal('paste', { size: 34 });
    await signal('resize', { width: 1200, height: 800 });
    await signal('resize', { width: 1300, height: 800 });
    const failing = 'function solve(input) { throw new Error(JSON.stringify(input)); }';
    await c.run({ questionId: coding.id, language: 'javascript', code: failing, mode: 'hidden' }).expect(200);
    const detail = (await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(detail.timeline).toHaveLength(8);

    const page = await open(`/attempts/${session.attemptId}`, 'en');
    const summary = page.getByTestId('integrity-summary');
    await expectText(summary.getByTestId('summary-pastes'), 'Pastes2');
    await expectText(summary.getByTestId('summary-pastes'), '1,234 characters in all');
    await expectText(summary.getByTestId('summary-away'), `Times away${detail.integritySummary.away.count}`);
    await expectText(summary.getByTestId('summary-runs'), 'Hidden-test runs1');
    await expectText(summary.getByTestId('summary-resizes'), 'Window resizes3');

    // The full list is folded until HR opens it; then it filters by kind.
    const list = page.getByRole('table', { name: 'Integrity timeline' });
    expect(await list.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Full list: 8 signals' }).click();
    await list.waitFor();
    expect(await list.locator('tbody tr').count()).toBe(8);
    await page.getByText('Pastes (2)').click();
    await until(async () => ((await list.locator('tbody tr').count()) === 2 ? true : undefined));
    expect(await list.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/Paste\s+1,200 characters\s+Q\d+/),
      expect.stringMatching(/Paste\s+34 characters\s+Q\d+/),
    ]);
    await page.getByText('Runs (1)').click();
    await until(async () => ((await list.locator('tbody tr').count()) === 1 ? true : undefined));
    await expectText(list.locator('tbody tr'), 'Ran the hidden tests');
    await shot(page, 'attempt-integrity-en');

    await page.getByTestId('lang-toggle').getByText('中文').click();
    await expectText(page.getByTestId('summary-pastes'), '共 1,234 个字符');
    await expectText(page.getByTestId('summary-runs'), '隐藏测试运行1');
    await shot(page, 'attempt-integrity-zh');
    await page.context().close();
  });

  it('finds attempts across assessments on the candidates page by name or email, and filters them by assessment', async () => {
    const other = await publishedAssessment(suite.server.url, token, '架构规划');
    const stamp = Date.now();
    const [here] = await invite(suite.server.url, token, assessment.id, 1);
    await hr('post', `/api/assessments/${other.id}/invitations`)
      .send({
        candidates: [
          { name: 'Feng Findme', email: `feng.findme-${stamp}@example.com` },
          { name: 'Chen Elsewhere', email: `chen-${stamp}@example.org` },
        ],
      })
      .expect(201);

    const page = await open('/candidates', 'en');
    await page.getByRole('heading', { name: 'Candidates', level: 1 }).waitFor();
    const rows = page.getByTestId('candidate-row');
    await rows.filter({ hasText: here.candidate.name }).first().waitFor();

    await page.getByLabel('Search name or email').fill('findme');
    await page.getByLabel('Search name or email').press('Enter');
    await until(async () => ((await rows.count()) === 1 ? true : undefined));
    await expectText(rows, 'Feng Findme');
    await expectText(rows, '架构规划');
    await expectText(rows, 'Invited');

    // By email, in Chinese.
    await page.getByTestId('lang-toggle').getByText('中文').click();
    await page.getByLabel('搜索姓名或邮箱').fill(`chen-${stamp}@example`);
    await page.getByLabel('搜索姓名或邮箱').press('Enter');
    await until(async () =>
      (await rows.count()) === 1 && (await rows.innerText()).includes('Chen Elsewhere') ? true : undefined,
    );
    await expectText(rows, '已邀请');

    // Cleared search, then only the other assessment's attempts.
    await page.getByLabel('搜索姓名或邮箱').fill('');
    await until(async () => ((await rows.count()) > 2 ? true : undefined));
    await page.getByRole('combobox', { name: '测评' }).click();
    await page.keyboard.type('架构规划');
    await page.keyboard.press('Enter');
    await until(async () => ((await rows.count()) === 2 ? true : undefined));
    expect((await rows.allInnerTexts()).every((text) => text.includes('架构规划'))).toBe(true);
    expect(page.url()).toContain(`assessment=${other.id}`);
    await shot(page, 'candidates-zh');

    await rows.getByRole('link', { name: 'Feng Findme' }).click();
    await page.getByRole('heading', { name: 'Feng Findme', level: 1 }).waitFor();
    await page.context().close();
  });
});

async function expectText(locator: ReturnType<Page['getByText']>, text: string) {
  await locator.filter({ hasText: text }).waitFor();
}

/** A time as the staff app writes it in English (formatDateTime), in the page's time zone (UTC). */
function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
}
