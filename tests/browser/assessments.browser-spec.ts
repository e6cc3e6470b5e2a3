import type { Locator, Page } from 'playwright-core';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { ADMIN } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser('assessment screens in Chromium', () => {
  const suite = useBrowserSuite();

  async function openPosting(locale: 'en-US' | 'zh-CN', title: string): Promise<Page> {
    const page = await (await suite.browser.newContext({ locale })).newPage();
    // Generous: the browser suites run side by side on a small shared machine.
    page.setDefaultTimeout(60_000);
    await page.goto(suite.server.url);
    await page.locator('input[type=email]').fill(ADMIN.email);
    await page.locator('input[type=password]').fill(ADMIN.password);
    await page.locator('button[type=submit]').click();
    await page.locator('input[type=search]').fill(title);
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { name: title, exact: true }).waitFor();
    return page;
  }

  const cards = (page: Page) => page.locator('article.question');
  const cardIds = (page: Page) =>
    cards(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-question-id')!));

  it('generates a draft from a posting, edits it, and freezes it on publish', async () => {
    const page = await openPosting('en-US', '开发工程师');
    await page.getByRole('button', { name: 'Generate assessment' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /^Coding/, level: 2 }).waitFor();
    await expectText(page.locator('.badge'), 'Draft');

    // The matrix has one column per question card and one row per duty line; 完成…其他工作 is not assessable.
    const matrix = page.getByRole('region', { name: 'Coverage matrix', exact: true });
    const ids = await cardIds(page);
    expect(ids.length).toBeGreaterThan(2);
    expect(await matrix.locator('thead th[data-question-id]').count()).toBe(ids.length);
    expect(await matrix.locator('tbody tr').count()).toBeGreaterThan(2);
    await expectText(matrix.locator('tr.not-assessable').first(), 'not assessable');
    await expectText(cards(page).first(), 'hidden tests');
    expect(await cards(page).first().getByRole('table').first().textContent()).toContain('Expected output');

    // An invalid duration is refused with the API's message; a valid one is saved.
    const duration = page.getByLabel('Duration (minutes)');
    await duration.fill('3');
    await duration.press('Enter');
    await expectText(page.getByRole('alert'), 'durationMinutes must be at least 5');
    await duration.fill('95');
    await duration.press('Enter');
    await page.getByText('Saved.').waitFor();

    // Remove every question that assesses the least-covered duty line: that line turns uncovered.
    const target = await leastCoveredRow(matrix, ids.length);
    for (const id of target.questionIds) {
      const card = page.locator(`article.question[data-question-id="${id}"]`);
      await card.getByRole('button', { name: /^Remove/ }).click();
      await card.waitFor({ state: 'detached' });
    }
    const row = matrix.locator('tbody tr').nth(target.index);
    expect(await row.getAttribute('class')).toBe('uncovered');
    await expectText(page.getByRole('note'), target.text);
    expect(Number((await page.getByTestId('coverage').textContent())!.replace('%', ''))).toBeLessThan(100);

    // Swap a question for one of its alternatives, in place.
    const first = cards(page).first();
    const oldId = (await first.getAttribute('data-question-id'))!;
    await first.getByRole('button', { name: /^Swap/ }).click();
    const alternatives = page.getByRole('region', { name: /^Alternatives to / });
    await alternatives
      .getByRole('button', { name: /^Use this/ })
      .first()
      .click();
    await alternatives.waitFor({ state: 'detached' });
    const afterSwap = await cardIds(page);
    expect(afterSwap).not.toContain(oldId);
    expect(afterSwap).toHaveLength(ids.length - target.questionIds.length);

    // Add a behavioural question from the bank.
    await page.getByText('Add question').click();
    await page.getByLabel('Kind').selectOption('behavioral');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('.add-question').getByRole('button', { name: /^Add / }).first().click();
    await page.waitForFunction((n) => document.querySelectorAll('article.question').length === n, afterSwap.length + 1);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Yes, publish' }).click();
    await expectText(page.locator('.badge'), 'Published');
    for (const name of [/^Publish/, /^Swap/, /^Remove/])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.getByRole('spinbutton').count()).toBe(0);
    expect(await page.getByText('Add question').count()).toBe(0);

    await page.getByText('Back to the posting').click();
    await expectText(page.getByRole('table', { name: 'Assessments' }), 'Published');
  }, 180_000);

  it('speaks Chinese: kind names, matrix and headers', async () => {
    const page = await openPosting('zh-CN', '云计算开发');
    await page.getByRole('button', { name: '生成测评' }).click();
    await page.getByRole('heading', { name: /^编程题/, level: 2 }).waitFor();
    const kinds = await page.locator('section.kind-section h2').allTextContents();
    expect(kinds.every((k) => /^(编程题|案例分析题|情景题|行为面试题)/.test(k))).toBe(true);
    await page.getByRole('region', { name: '职责覆盖矩阵', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: '评分维度' }).first().waitFor();
    expect(await cards(page).first().locator('h3').textContent()).toMatch(/[\u4e00-\u9fff]/);
  }, 120_000);
});

/** The assessable row with the fewest marks (at least one, fewer than all questions). */
async function leastCoveredRow(matrix: Locator, questionCount: number) {
  const rows = await matrix.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr, index) => ({
      index,
      text: tr.querySelector('.duty-text')!.textContent!,
      assessable: !tr.classList.contains('not-assessable'),
      questionIds: Array.from(tr.querySelectorAll('td'))
        .filter((td) => td.textContent!.includes('●'))
        .map((td) => td.getAttribute('data-question-id')!),
    })),
  );
  const candidates = rows.filter(
    (r) => r.assessable && r.questionIds.length > 0 && r.questionIds.length < questionCount,
  );
  expect(candidates.length).toBeGreaterThan(0);
  return candidates.sort((a, b) => a.questionIds.length - b.questionIds.length)[0];
}

/** Waits until the element shows the text (answers arrive asynchronously), then asserts it. */
async function expectText(locator: Locator, text: string) {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
  expect(await locator.first().textContent()).toContain(text);
}
