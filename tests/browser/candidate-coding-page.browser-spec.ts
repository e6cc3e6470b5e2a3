import type { AssessmentView } from '@rubricon/contracts';
import type { Locator, Page } from 'playwright-core';
import { invite, publishedAssessment } from '../factories/attempts';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { ADMIN, loginAs } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);

type Lang = 'zh' | 'en';
const START: Record<Lang, string> = { zh: '开始测评', en: 'Start the assessment' };
const box = async (locator: Locator) => (await locator.boundingBox())!;

describeInBrowser('candidate coding page and submit confirmation in Chromium', () => {
  const suite = useBrowserSuite();
  let hr: string;
  let assessment: AssessmentView;

  beforeAll(async () => {
    hr = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    assessment = await publishedAssessment(suite.server.url, hr, '开发工程师');
  });

  /** A fresh invitation, started in a new context in the given language, on its first question. */
  async function started(lang: Lang, viewport = { width: 1280, height: 900 }) {
    const [link] = await invite(suite.server.url, hr, assessment.id, 1);
    const context = await suite.browser.newContext({ locale: lang === 'zh' ? 'zh-CN' : 'en-US', viewport });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/take/${link.token}`);
    await page.getByRole('button', { name: START[lang] }).click();
    await page.getByTestId('countdown').waitFor();
    return { page, close: () => context.close() };
  }
  const navButton = (page: Page, kind: RegExp) =>
    page.getByRole('navigation').getByRole('button').filter({ hasText: kind }).first();
  const openCoding = async (page: Page) => {
    await navButton(page, /Coding|编程题/).click();
    await page.locator('.code-editor .monaco-editor').waitFor();
  };

  it('lists the unanswered questions by number and title before submitting, in Chinese and in English', async () => {
    const { page, close } = await started('zh');
    const titles = await page.locator('.nav-title').allTextContents();
    // Answer the first text question only; the others stay blank (coding: the starter untouched).
    const textNav = navButton(page, /案例分析题|情景题|行为面试题/);
    const answered = Number(await textNav.locator('.nav-num').textContent());
    await textNav.click();
    await page.locator('.text-answer textarea').fill('先核对账目，再上报。');

    await page.getByRole('button', { name: '提交测评' }).click();
    const list = page.getByTestId('unanswered');
    await list.waitFor();
    const expected = titles
      .map((t, i) => `问题 ${i + 1} / ${titles.length}：${t}`)
      .filter((_, i) => i + 1 !== answered);
    expect(await page.getByTestId('submit-confirmation').textContent()).toContain(
      `有 ${titles.length - 1} 道题尚未作答：`,
    );
    expect(await list.getByRole('listitem').allTextContents()).toEqual(expected);

    // The same list in English after the switch; an item opens its question.
    await page.getByTestId('candidate-lang-toggle').click();
    await page.getByText(`${titles.length - 1} questions have no answer yet:`).waitFor();
    const english = await list.getByRole('listitem').allTextContents();
    expect(english[0]).toMatch(new RegExp(`^Question ${answered === 1 ? 2 : 1} of ${titles.length}: `));
    await list.getByRole('button').first().click();
    expect(await page.getByTestId(`nav-q${answered === 1 ? 2 : 1}`).getAttribute('aria-current')).toBe('step');
    await close();
  });

  it("shows the deadline and counts in the page's language, never as day-first digits in English", async () => {
    const { page, close } = await started('en');
    const deadline = page.getByTestId('deadline');
    expect(await deadline.textContent()).toMatch(/^Ends \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
    await navButton(page, /Case study|Scenario|Behavioural/).click();
    await page.locator('.text-answer textarea').fill('x'.repeat(1234));
    expect(await page.getByTestId('char-count').textContent()).toMatch(/^1,234 characters/);
    await page.getByTestId('candidate-lang-toggle').click();
    await page.getByText(/^截止时间：/).waitFor();
    expect(await deadline.textContent()).toMatch(/^截止时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(await page.getByTestId('char-count').textContent()).toMatch(/^1,234 字/);
    await close();
  });

  it('puts statement and editor side by side on a wide screen with a keyboard-resizable split, about one screen high', async () => {
    const { page, close } = await started('en');
    await openCoding(page);
    const statement = page.getByTestId('statement-pane');
    const editor = page.getByTestId('editor-pane');
    const [s, e] = [await box(statement), await box(editor)];
    expect(e.x).toBeGreaterThanOrEqual(s.x + s.width - 1);
    expect(Math.abs(e.y - s.y)).toBeLessThan(5);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1200);

    const splitter = page.getByRole('separator', { name: 'Resize the statement and the editor' });
    expect(await splitter.getAttribute('aria-valuenow')).toBe('50');
    expect(await splitter.getAttribute('aria-controls')).toBe(await statement.getAttribute('id'));
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await splitter.getAttribute('aria-valuenow')).toBe('60');
    expect((await box(statement)).width).toBeGreaterThan(s.width + 40);
    await page.keyboard.press('Home');
    expect(await splitter.getAttribute('aria-valuenow')).toBe('25');
    await page.keyboard.press('End');
    expect(await splitter.getAttribute('aria-valuenow')).toBe('75');

    // Narrow: one above the other, no separator.
    await page.setViewportSize({ width: 600, height: 900 });
    await page.waitForFunction(() => {
      const [st, ed] = ['statement-pane', 'editor-pane'].map((id) =>
        document.querySelector(`[data-testid=${id}]`)!.getBoundingClientRect(),
      );
      return ed.top >= st.bottom - 1;
    });
    expect(await splitter.isVisible()).toBe(false);
    await close();
  });

  it("runs the candidate's code on their own JSON input and shows the output, with verdicts in the page's language", async () => {
    const { page, close } = await started('zh');
    await openCoding(page);
    const code = 'function solve(input) { console.log("n", input.n); if (input.loop) for (;;) {} return input.n * 2; }';
    await page.locator('.code-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(code);
    await page.keyboard.press('Escape');

    const input = page.getByLabel('输入（JSON，作为 solve(input) 的参数）');
    expect(JSON.parse(await input.inputValue())).not.toBeUndefined();
    await input.fill('{"n": 21}');
    await page.getByRole('button', { name: '用此输入运行' }).click();
    const result = page.getByTestId('custom-result');
    await result.getByText('运行完成').waitFor({ timeout: 30_000 });
    expect(await result.locator('pre').allTextContents()).toEqual(['42', 'n 21']);

    await input.fill('{"n": 1, "loop": true}');
    await page.getByRole('button', { name: '用此输入运行' }).click();
    await result.getByText('运行超时').waitFor({ timeout: 30_000 });
    await page.getByTestId('candidate-lang-toggle').click();
    await result.getByText('took too long').waitFor();
    await close();
  });
});
