import AxeBuilder from '@axe-core/playwright';
import request from 'supertest';
import type { AssessmentView, AttemptDetail } from '@rubricon/contracts';
import type { BrowserContext, Page } from 'playwright-core';
import { invite, publishedAssessment } from '../factories/attempts';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { ADMIN, loginAs } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);

/** A written question's entry in the navigator, in either interface language. */
const TEXT_KIND = /Case study|Scenario|Behavioural|案例分析题|情景题|行为面试题/;

describeInBrowser('candidate sessions in Chromium', () => {
  const suite = useBrowserSuite();
  let hr: string;
  let assessment: AssessmentView;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    hr = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    assessment = await publishedAssessment(suite.server.url, hr, '开发工程师');
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  const newContext = async (locale: 'en-US' | 'zh-CN') => {
    const context = await suite.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context;
  };
  const textNav = (page: Page) =>
    page.getByRole('navigation').getByRole('button').filter({ hasText: TEXT_KIND }).first();
  const textarea = (page: Page) => page.locator('.text-answer textarea');
  /** Opens the written question and waits for its text to be saved. */
  const writeAndSave = async (page: Page, text: string) => {
    await textNav(page).click();
    await textarea(page).fill(text);
    await page.waitForFunction(
      (el) => (el as HTMLElement).dataset.state === 'saved',
      await textNav(page).elementHandle(),
      { timeout: 15_000 },
    );
  };
  const shownAnswer = async (page: Page) => {
    await page.getByTestId('countdown').waitFor({ timeout: 15_000 });
    await textNav(page).click();
    return textarea(page).inputValue();
  };
  const savedAnswer = async (attemptId: string) => {
    const detail = (
      await request(suite.server.url).get(`/api/attempts/${attemptId}`).set('Authorization', `Bearer ${hr}`).expect(200)
    ).body as AttemptDetail;
    return detail.answers.find((a) => a.kind !== 'coding')?.content;
  };

  it('lets a candidate who closed the tab continue from the same link, in a new page and on another device, with the answer still there', async () => {
    const [link] = await invite(suite.server.url, hr, assessment.id, 1);
    const laptop = await newContext('en-US');
    const closed = await laptop.newPage();
    await closed.goto(`${suite.server.url}/take/${link.token}`);
    await closed.getByRole('button', { name: 'Start the assessment' }).click();
    await writeAndSave(closed, 'Written before closing the tab.');
    await closed.close();

    // The same link in a new page: the attempt goes on, no instructions, no "link already used".
    const reopened = await laptop.newPage();
    await reopened.goto(`${suite.server.url}/take/${link.token}`);
    expect(await shownAnswer(reopened)).toBe('Written before closing the tab.');

    // And on another device: the attempt moves there, and the laptop's page says so.
    const phone = await (await newContext('zh-CN')).newPage();
    await phone.goto(`${suite.server.url}/take/${link.token}`);
    expect(await shownAnswer(phone)).toBe('Written before closing the tab.');
    await reopened.getByRole('heading', { name: 'Continued in another window' }).waitFor();
    await writeAndSave(phone, 'Continued on the phone.');
    expect(await savedAnswer(link.attemptId)).toBe('Continued on the phone.');
  });

  it('lets only the newest of two tabs write: the older one is told at once, in Chinese and English, and can no longer save', async () => {
    const [link] = await invite(suite.server.url, hr, assessment.id, 1);
    const context = await newContext('zh-CN');
    const older = await context.newPage();
    await older.goto(`${suite.server.url}/take/${link.token}`);
    await older.getByRole('button', { name: '开始测评' }).click();
    await writeAndSave(older, 'Saved in the first tab.');

    // A second tab opened from the first (as "duplicate tab" does, it starts with the first one's session storage).
    const [newer] = await Promise.all([
      context.waitForEvent('page'),
      older.evaluate((url) => void window.open(url), `${suite.server.url}/take/${link.token}`),
    ]);
    expect(await shownAnswer(newer)).toBe('Saved in the first tab.');

    // The older tab shows the takeover, not an editor and not a generic error.
    await older.getByRole('heading', { name: '已在另一个窗口中继续' }).waitFor();
    expect(await older.getByTestId('session-over').getByRole('alert').textContent()).toBe(
      '本测评已在另一个窗口或设备上继续作答，本页面不再保存。如需在此继续，请重新打开链接。',
    );
    expect(await textarea(older).count()).toBe(0);
    // A new view: its heading has the focus, the title says where the candidate is, axe finds nothing serious.
    expect(await older.evaluate(() => document.activeElement?.textContent)).toBe('已在另一个窗口中继续');
    expect(await older.title()).toMatch(/^已在另一个窗口中继续 · .* · Rubricon$/);
    expect(await axeProblems(older)).toEqual([]);
    await older.getByTestId('candidate-lang-toggle').click();
    await older.getByRole('heading', { name: 'Continued in another window' }).waitFor();
    expect(await axeProblems(older)).toEqual([]);
    expect(await older.getByTestId('session-over').getByRole('alert').textContent()).toBe(
      'This assessment was continued in another window or on another device, so this page no longer saves. Open the link again here to continue here.',
    );

    await writeAndSave(newer, 'The newer tab’s answer.');
    expect(await savedAnswer(link.attemptId)).toBe('The newer tab’s answer.');

    // "Continue in this window" takes the attempt back: now the other tab is the one told.
    await older.getByRole('button', { name: 'Continue in this window' }).click();
    expect(await shownAnswer(older)).toBe('The newer tab’s answer.');
    await newer.getByRole('heading', { name: '已在另一个窗口中继续' }).waitFor();
  });

  it('shows the open page the deadline moved when HR gives extra time', async () => {
    const [link] = await invite(suite.server.url, hr, assessment.id, 1);
    const page = await (await newContext('zh-CN')).newPage();
    await page.goto(`${suite.server.url}/take/${link.token}`);
    await page.getByRole('button', { name: '开始测评' }).click();
    const remaining = async () => Number(await page.getByTestId('countdown').getAttribute('data-remaining-ms'));
    await page.getByTestId('countdown').waitFor();
    const before = await remaining();
    await request(suite.server.url)
      .post(`/api/attempts/${link.attemptId}/extra-time`)
      .set('Authorization', `Bearer ${hr}`)
      .send({ minutes: 15 })
      .expect(200);
    // Told over the socket: no reload, no polling.
    await page.waitForFunction(
      (atLeast) =>
        Number(document.querySelector('[data-testid="countdown"]')?.getAttribute('data-remaining-ms')) >= atLeast,
      before + 14 * 60_000,
      { timeout: 10_000 },
    );
  });
});

/** Serious and critical axe findings, as "rule (impact): target" lines (empty when clean). */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}
