import AxeBuilder from '@axe-core/playwright';
import type { AssessmentView } from '@rubricon/contracts';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { AttemptEntity } from '../../apps/api/src/attempts/attempt.entity';
import { invite, publishedAssessment } from '../factories/attempts';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { ADMIN, loginAs } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);

type Lang = 'zh' | 'en';
const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };
const START: Record<Lang, string> = { zh: '开始测评', en: 'Start the assessment' };

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The focused element, described: tag, text, and whether it is <body>. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase(), text: el?.textContent?.trim(), id: el?.id };
  });

/** Serious and critical axe findings, as "rule: target" lines (empty when clean). */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

describeInBrowser('candidate page accessibility in Chromium', () => {
  const suite = useBrowserSuite();
  let hr: string;
  let assessment: AssessmentView;

  beforeAll(async () => {
    hr = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    assessment = await publishedAssessment(suite.server.url, hr, '开发工程师');
  });

  /** A fresh invitation opened in a new browser context in the given language, on its instructions. */
  async function openInvitation(browser: Browser, lang: Lang, viewport = { width: 1280, height: 900 }) {
    const [link] = await invite(suite.server.url, hr, assessment.id, 1);
    const context = await browser.newContext({ locale: LOCALE[lang], viewport });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/take/${link.token}`);
    await page.getByRole('button', { name: START[lang] }).waitFor();
    return { page, link, close: () => context.close() };
  }
  const nav = (page: Page) => page.getByRole('navigation').getByRole('button');

  it('sets <html lang> to zh-CN when the page starts in Chinese, to en in English, and follows the switch', async () => {
    const zh = await openInvitation(suite.browser, 'zh');
    expect(await zh.page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await zh.page.getByTestId('candidate-lang-toggle').click();
    await zh.page.getByRole('button', { name: START.en }).waitFor();
    expect(await zh.page.locator('html').getAttribute('lang')).toBe('en');
    await zh.close();
    const en = await openInvitation(suite.browser, 'en');
    expect(await en.page.locator('html').getAttribute('lang')).toBe('en');
    await en.close();
  });

  it('moves the focus to the new heading after Start, another question and the submit, and titles every view apart', async () => {
    const { page, close } = await openInvitation(suite.browser, 'zh');
    const title = (await page.locator('#instructions-title').textContent())!;
    expect(await page.title()).toBe(`作答须知 · ${title} · Rubricon`);
    await page.getByRole('button', { name: START.zh }).click();

    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    const total = await nav(page).count();
    expect((await focused(page)).id).toBe('question-title');
    expect(await page.title()).toBe(`问题 1 / ${total} · ${title} · Rubricon`);

    // Another question by the keyboard: the navigator, Enter; then the next-question button.
    await page.getByTestId('nav-q2').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'question-title');
    expect(await page.title()).toBe(`问题 2 / ${total} · ${title} · Rubricon`);
    await page.getByRole('button', { name: /下一题/ }).click();
    await page.waitForFunction(() => document.title.startsWith('问题 3 '));
    expect((await focused(page)).id).toBe('question-title');

    await page.getByRole('button', { name: '提交测评' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'confirm-title');
    expect(await page.title()).toBe(`确认提交测评？ · ${title} · Rubricon`);
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByTestId('thank-you').waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect((await focused(page)).text).toBe('感谢您的作答！');
    expect(await page.title()).toBe(`感谢您的作答！ · ${title} · Rubricon`);
    await close();
  });

  it('never makes the ticking clock live, and says politely at 5 and 1 minute left and when the time is up', async () => {
    const { page, link, close } = await openInvitation(suite.browser, 'en');
    await page.getByRole('button', { name: START.en }).click();
    const clock = page.getByTestId('countdown');
    await clock.waitFor();
    // Neither the clock nor anything around it is a live region (role timer is aria-live off).
    expect(
      await clock.evaluate((el) => {
        for (let node: Element | null = el; node; node = node.parentElement)
          if (node.getAttribute('aria-live') && node.getAttribute('aria-live') !== 'off') return true;
        return false;
      }),
    ).toBe(false);
    expect(await clock.getAttribute('role')).toBe('timer');
    const said = page.getByTestId('time-announcement');
    expect(await said.getAttribute('role')).toBe('status');
    expect(await said.textContent()).toBe('');

    const attempts = suite.server.app.get(DataSource).getRepository(AttemptEntity);
    const deadlineIn = (ms: number) => attempts.update({ id: link.attemptId }, { deadline: new Date(Date.now() + ms) });
    const said_ = async (text: string) =>
      page.waitForFunction((t) => document.querySelector('[data-testid=time-announcement]')?.textContent === t, text, {
        timeout: 15_000,
      });
    // Each milestone a few seconds ahead of a fresh page: it is crossed while the page is open.
    for (const [mark, text] of [
      [5 * 60_000, '5 minutes left.'],
      [60_000, '1 minute left.'],
    ] as const) {
      await deadlineIn(mark + 5000);
      await page.reload();
      await clock.waitFor();
      expect(Number(await clock.getAttribute('data-remaining-ms'))).toBeGreaterThan(mark);
      expect(await said.textContent()).toBe('');
      await said_(text);
    }
    // At the end the server submits; the page may hear of it before its own clock reaches zero,
    // so the end view's heading, which takes the focus, says it in any case.
    await deadlineIn(3000);
    await page.reload();
    await page.getByTestId('thank-you').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect((await focused(page)).text).toBe('The time is up. Thank you!');
    await close();
  });

  it('starts with a skip link that moves to the main content, and draws the focus ring at 3:1 against white at least', async () => {
    const { page, close } = await openInvitation(suite.browser, 'en');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to the main content' });
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('candidate-main');
    // The next Tab lands inside the main content, past the bar.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('candidate-main')!.contains(document.activeElement))).toBe(
      true,
    );
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { color: style.outlineColor, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    await close();
  });

  it('marks fields in error with aria-invalid pointing at the message, and shows the length warning at 4.5:1', async () => {
    const { page, close } = await openInvitation(suite.browser, 'en');
    await page.getByRole('button', { name: START.en }).click();

    // A text answer outside the suggested length: the warning colour on the white panel.
    await nav(page)
      .filter({ hasText: /Case study|Scenario|Behavioural/ })
      .first()
      .click();
    const answer = page.locator('.text-answer textarea');
    await answer.fill('Too short.');
    const count = page.getByTestId('char-count');
    expect(await count.getAttribute('class')).toContain('warn-text');
    const warning = await count.evaluate((el) => getComputedStyle(el).color);
    expect(contrast(warning, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5);

    // Too long to save: an error of the field, described by the message under the question.
    expect(await answer.getAttribute('aria-invalid')).toBeNull();
    await answer.fill('长'.repeat(21_000));
    await page.waitForFunction(() => document.querySelector('.text-answer textarea')?.getAttribute('aria-invalid'));
    const describedBy = (await answer.getAttribute('aria-describedby'))!.split(' ');
    const messages = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(messages.join(' ')).toMatch(/Too long to save/);
    await answer.fill('Shorter again.');
    await page.waitForFunction(() => !document.querySelector('.text-answer textarea')?.hasAttribute('aria-invalid'));

    // The custom input box refuses what is not JSON, and says so on the field.
    await nav(page)
      .filter({ hasText: /Coding/ })
      .first()
      .click();
    const input = page.getByLabel('Input (JSON, passed as solve(input))');
    await input.fill('{ not json');
    await page.getByRole('button', { name: 'Run with this input' }).click();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const errorId = await input.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/^This is not valid JSON/);
    await close();
  });

  it('lets the keyboard reach every scrolling JSON example block, each with a label', async () => {
    const { page, close } = await openInvitation(suite.browser, 'zh');
    await page.getByRole('button', { name: START.zh }).click();
    await nav(page)
      .filter({ hasText: /编程题/ })
      .first()
      .click();
    const blocks = page.locator('pre.example-json');
    await blocks.first().waitFor();
    const described = await blocks.evaluateAll((els) =>
      els.map((el) => ({ tabIndex: (el as HTMLElement).tabIndex, label: el.getAttribute('aria-label') })),
    );
    expect(described.length).toBeGreaterThan(0);
    for (const block of described) {
      expect(block.tabIndex).toBe(0);
      expect(block.label).toMatch(/^示例 \d+：(输入|期望输出)$/);
    }
    // Reached with Tab from the question's heading, in order.
    await page.locator('#question-title').focus();
    const onExample = () => page.evaluate(() => !!document.activeElement?.classList.contains('example-json'));
    for (let i = 0; i < 15 && !(await onExample()); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('示例 1：输入');
    await close();
  });

  it('has no serious or critical axe violations on any candidate view', async () => {
    const { page, close } = await openInvitation(suite.browser, 'zh');
    const found: Record<string, string[]> = {};
    found.instructions = await axeProblems(page);
    await page.getByRole('button', { name: START.zh }).click();
    await nav(page)
      .filter({ hasText: /案例分析题|情景题|行为面试题/ })
      .first()
      .click();
    await page.locator('.text-answer textarea').waitFor();
    found.textQuestion = await axeProblems(page);
    await nav(page)
      .filter({ hasText: /编程题/ })
      .first()
      .click();
    await page.locator('.code-editor .monaco-editor').waitFor();
    found.codingQuestion = await axeProblems(page);
    await page.getByRole('button', { name: '提交测评' }).click();
    await page.getByTestId('submit-confirmation').waitFor();
    found.submitConfirmation = await axeProblems(page);
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByTestId('thank-you').waitFor();
    found.submitted = await axeProblems(page);
    await page.goto(`${suite.server.url}/take/this-is-not-a-real-invitation-token-at-all`);
    await page.getByRole('alert').waitFor();
    found.unknownLink = await axeProblems(page);
    expect(found).toEqual({
      instructions: [],
      textQuestion: [],
      codingQuestion: [],
      submitConfirmation: [],
      submitted: [],
      unknownLink: [],
    });
    await close();
  });
});
