import { join } from 'node:path';
import request from 'supertest';
import type { AssessmentView, AttemptDetail, InvitationLink } from '@rubricon/contracts';
import type { Page } from 'playwright-core';
import { publishedAssessment, startedAttempt } from '../factories/attempts';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { candidateApi, staffApi } from '../support/candidate-client';
import { ADMIN, loginAs } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);
const SHOTS = process.env.RUBRICON_SHOTS;

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
