import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Locator, Page } from 'playwright-core';
import type { AssessmentView, AttemptDetail } from '@rubricon/contracts';
import { DEVELOPER_POSTING, invite } from '../factories/attempts';
import { seedPostingId } from '../factories/postings';
import { assignRaters, scoreAndSubmit, submittedAttempt } from '../factories/scoring';
import { createStaff } from '../factories/staff';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { staffPage, type UiLang } from '../support/staff-browser';
import { ADMIN, loginAs } from '../support/test-app';
import { until } from '../support/until';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
/** RUBRICON_SHOTS=<dir> saves a screenshot of each screen, to look at by eye. */
const SHOTS = process.env.RUBRICON_SHOTS;

type Staff = Awaited<ReturnType<typeof createStaff>>;

/** Serious and critical axe findings, as "rule: target" lines (empty when clean). */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

/** The pages of a PDF Chromium printed (its page objects, not the page tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describeInBrowser('scorecard screens in Chromium', () => {
  const suite = useBrowserSuite();
  const pages: Page[] = [];
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
  });
  const f = {} as {
    adminToken: string;
    hr: Staff;
    raterA: Staff;
    raterB: Staff;
    postingId: string;
    /** By candidate name: the higher scored one (with a spread of 3 levels) and the lower one. */
    top: { name: string; candidateId: string; attemptId: string };
    low: { name: string; candidateId: string; attemptId: string };
  };
  const RATER_A = 'Rita Rater';
  const RATER_B = '王评分';

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    const url = suite.server.url;
    f.adminToken = await loginAs(url, ADMIN.email, ADMIN.password);
    f.hr = await createStaff(url, f.adminToken, 'hr');
    f.raterA = await createStaff(url, f.adminToken, 'interviewer');
    f.raterB = await createStaff(url, f.adminToken, 'interviewer');
    for (const [rater, name] of [
      [f.raterA, RATER_A],
      [f.raterB, RATER_B],
    ] as const)
      await request(url)
        .patch(`/api/users/${rater.id}`)
        .set('Authorization', `Bearer ${f.adminToken}`)
        .send({ name })
        .expect(200);
    // Few rated answers on purpose: the developer posting's assessment without the question composed
    // from a duty line leaves 2 candidates under the 30 rated (answer, criterion) units below which
    // the page calls the agreement figures a hint only.
    const auth = { Authorization: `Bearer ${f.hr.token}` };
    const postingId = await seedPostingId(url, f.hr.token, DEVELOPER_POSTING);
    const draft = (
      await request(url).post(`/api/postings/${postingId}/assessments`).set(auth).send({ seed: 3 }).expect(201)
    ).body as AssessmentView;
    for (const q of draft.sections.flatMap((s) => s.questions).filter((q) => q.composedFrom))
      await request(url).delete(`/api/assessments/${draft.id}/questions/${q.id}`).set(auth).expect(200);
    const assessment = (await request(url).post(`/api/assessments/${draft.id}/publish`).set(auth).expect(201))
      .body as AssessmentView;
    const fixture = { assessment, attempts: [] as { attemptId: string; candidateName: string }[] };
    for (const link of await invite(url, f.hr.token, assessment.id, 2))
      fixture.attempts.push(await submittedAttempt(url, link));
    f.postingId = fixture.assessment.postingId;
    const detail = async (attemptId: string): Promise<AttemptDetail> =>
      (await request(url).get(`/api/attempts/${attemptId}`).set('Authorization', `Bearer ${f.hr.token}`).expect(200))
        .body;
    const people = [];
    for (const a of fixture.attempts) {
      // Grading has run: coding criteria have their automatic level before anyone scores.
      const d = await until(async () => {
        const found = await detail(a.attemptId);
        return found.autoScorePercent !== null ? found : undefined;
      }, 60_000);
      people.push({ name: a.candidateName, candidateId: d.candidate.id, attemptId: a.attemptId });
    }
    // "Candidate 2" scores higher (its raters 3 levels apart on every criterion they score), so the
    // ranking by total and the ranking by name are in opposite orders.
    [f.low, f.top] = people;
    for (const p of people) await assignRaters(url, f.hr.token, 'attempt', p.attemptId, [f.raterA.id, f.raterB.id]);
    await scoreAndSubmit(url, f.raterA.token, 'attempt', f.top.attemptId, () => 5, 'strong-yes');
    await scoreAndSubmit(url, f.raterB.token, 'attempt', f.top.attemptId, () => 2, 'yes');
    await scoreAndSubmit(url, f.raterA.token, 'attempt', f.low.attemptId, () => 2, 'no');
    await scoreAndSubmit(url, f.raterB.token, 'attempt', f.low.attemptId, () => 2, 'strong-no');
  }, 240_000);

  const open = async (lang: UiLang, path: string, credentials: { email: string; password: string }) => {
    const page = await staffPage(suite.browser, suite.server.url, lang, credentials);
    pages.push(page);
    if (path) await page.goto(suite.server.url + path);
    return page;
  };
  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `scorecards-${name}.png`), fullPage: true });
  };
  const rankingOrder = async (page: Page) =>
    page.getByTestId('ranking-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-candidate')));
  const settled = (page: Page) => page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });

  it('HR ranks, sorts, reads a scorecard, agreement and charts, compares, exports CSV and prints, in English', async () => {
    const page = await open('en', '', f.hr);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Scorecards' }).click();
    await page.getByRole('heading', { name: 'Scorecards', level: 1 }).waitFor();
    await page.getByText('Choose a posting to see its candidates').waitFor();
    // The posting Select is searched on the server; typing first also keeps its virtual list short.
    await page.getByLabel('Posting', { exact: true }).fill(DEVELOPER_POSTING);
    await page.locator('.ant-select-dropdown:visible').getByTitle(DEVELOPER_POSTING, { exact: true }).click();
    await page.waitForURL(new RegExp(`/scorecards/${f.postingId}$`));
    await page.getByTestId('ranking-row').nth(1).waitFor();
    await settled(page);
    expect(await rankingOrder(page)).toEqual([f.top.candidateId, f.low.candidateId]);
    const topRow = page.locator(`tr[data-candidate="${f.top.candidateId}"]`);
    expect(await topRow.locator('td').nth(1).textContent()).toBe('1');
    await expectText(topRow, '2 of 2');
    await expectText(topRow, 'Strong yes: 1');
    await topRow.locator('[data-flag="spread"]').waitFor();
    expect(await topRow.getByTestId('total').textContent()).toMatch(/^\d\.\d\d \(\d+%\)$/);
    // The tooltip of a flag says what it means.
    await topRow.locator('[data-flag="spread"]').hover();
    await page.getByRole('tooltip').filter({ hasText: 'differ by 2 or more' }).waitFor();
    await shot(page, 'ranking-en');
    expect(await axeProblems(page)).toEqual([]);

    // Sorting is the server's, kept in the address: by name, ascending, the lower scorer comes first.
    await page.getByRole('columnheader', { name: /^Candidate/ }).click();
    await page.waitForURL(/sort=name&order=asc/);
    await settled(page);
    await until(async () =>
      (await rankingOrder(page)).join() === [f.low.candidateId, f.top.candidateId].join() ? true : undefined,
    );
    // A filter, on the server too: only candidates with a flag, as many rows as the API counts.
    await page.getByRole('combobox', { name: 'Flags' }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('With flags', { exact: true }).click();
    await page.waitForURL(/flagged=true/);
    await settled(page);
    const flagged = (
      await request(suite.server.url)
        .get(`/api/scorecards/postings/${f.postingId}/ranking?flagged=true`)
        .set('Authorization', `Bearer ${f.hr.token}`)
        .expect(200)
    ).body as { total: number };
    await until(async () => ((await page.getByTestId('ranking-row').count()) === flagged.total ? true : undefined));

    // CSV of the ranking as filtered: a UTF-8 BOM, a header, the flagged candidates.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(f.top.name);
    expect(csv.trim().split(/\r?\n/)).toHaveLength(1 + flagged.total);

    // One candidate's scorecard: both raters side by side, the spread row highlighted and flagged.
    await page.goto(`${suite.server.url}/scorecards/${f.postingId}`);
    await page.getByRole('link', { name: f.top.name, exact: true }).click();
    await page.getByRole('heading', { name: f.top.name, level: 1 }).waitFor();
    const card = page.getByTestId('scorecard');
    const spreadRow = card.locator('tr[data-spread="true"]').first();
    await spreadRow.waitFor();
    expect(await spreadRow.locator(`td[data-rater="${f.raterA.id}"]`).textContent()).toBe('5');
    expect(await spreadRow.locator(`td[data-rater="${f.raterB.id}"]`).textContent()).toBe('2');
    await spreadRow.locator('[data-flag="spread"]').waitFor();
    expect(await spreadRow.evaluate((row) => row.classList.contains('sc-row-spread'))).toBe(true);
    const firstTable = card.getByTestId('question-scores').first();
    await firstTable.getByRole('columnheader', { name: RATER_A }).waitFor();
    await firstTable.getByRole('columnheader', { name: RATER_B }).waitFor();
    const raterRows = card.getByTestId('rater-row');
    expect(await raterRows.count()).toBe(2);
    await expectText(card.locator(`tr[data-rater="${f.raterA.id}"]`), 'Strong yes');
    await expectText(card.locator(`tr[data-rater="${f.raterB.id}"]`), 'Submitted');
    await expectText(card.getByTestId('integrity'), 'Advisory only and never part of the score');
    expect(await card.getByTestId('formula').textContent()).toContain('weighted mean');
    expect(await card.getByTestId('scorecard-total').textContent()).toMatch(/^\d\.\d\d \/ 5$/);
    await card.locator('.sc-chart svg').first().waitFor();
    await shot(page, 'scorecard-en');
    expect(await axeProblems(page)).toEqual([]);

    // The scorecard's own CSV.
    const [cardDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const cardCsv = readFileSync((await cardDownload.path())!, 'utf8');
    expect(cardCsv.charCodeAt(0)).toBe(0xfeff);
    expect(cardCsv).toContain(f.top.name);

    // Agreement: figures with their reading, and both raters' calibration.
    await page.getByRole('link', { name: 'Back to the ranking' }).click();
    await page.getByRole('tab', { name: 'Rater agreement' }).click();
    await page.waitForURL(/tab=agreement/);
    const agreement = page.getByTestId('agreement');
    await agreement.getByText('How to read these figures').waitFor();
    await agreement.getByText('Koo and Li (2016)').waitFor();
    await agreement.getByTestId('agreement-overall').waitFor();
    // Two candidates make few rated answers: the page says the figures are a hint only.
    await agreement.getByTestId('few-units').waitFor();
    expect(await agreement.getByTestId('calibration-row').count()).toBe(2);
    await expectText(agreement.locator(`tr[data-rater="${f.raterA.id}"]`), '(lenient)');
    await shot(page, 'agreement-en');
    expect(await axeProblems(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Distribution and profile' }).click();
    await page.getByTestId('distribution').locator('.sc-chart svg').waitFor();
    await page.getByTestId('profile').locator('.sc-chart svg').waitFor();
    await shot(page, 'charts-en');
    expect(await axeProblems(page)).toEqual([]);

    // Compare the two: chosen on the ranking, side by side with a radar chart.
    await page.getByRole('tab', { name: 'Ranking' }).click();
    await page.getByTestId('ranking-row').nth(1).waitFor();
    // The choice is kept in the address (a navigation): click, then wait for it.
    await page.getByRole('checkbox', { name: `Select ${f.top.name}` }).click();
    await page.waitForURL(new RegExp(`selected=${f.top.candidateId}`));
    await page.getByRole('checkbox', { name: `Select ${f.low.name}` }).click();
    await page.waitForURL(/selected=[^&]+%2C/);
    await page.getByRole('button', { name: 'Compare (2)' }).click();
    await page.getByRole('heading', { name: 'Compare candidates', level: 1 }).waitFor();
    const compared = page.getByTestId('compare-table');
    await compared.getByRole('link', { name: f.top.name }).waitFor();
    await compared.getByRole('link', { name: f.low.name }).waitFor();
    expect(await page.getByTestId('compare-total').count()).toBe(2);
    await page.locator('.sc-chart svg').waitFor();
    await shot(page, 'compare-en');
    expect(await axeProblems(page)).toEqual([]);

    // Print view: one scorecard per page; the staff frame and the buttons stay off paper.
    await page.goBack();
    await page.getByRole('button', { name: 'Print (2)' }).click();
    await page.getByRole('heading', { name: 'Scorecards for printing', level: 1 }).waitFor();
    await until(async () => ((await page.getByTestId('scorecard').count()) === 2 ? true : undefined));
    expect(await axeProblems(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.ant-layout-header')!).display,
      nav: getComputedStyle(document.querySelector('.ant-layout-sider')!).display,
      buttons: getComputedStyle(document.querySelector('.sc-print-root .no-print')!).display,
      breaks: Array.from(document.querySelectorAll('.scorecard'), (e) => getComputedStyle(e).breakAfter),
    }));
    expect(printed).toEqual({ header: 'none', nav: 'none', buttons: 'none', breaks: ['page', 'auto'] });
    await shot(page, 'print-en');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
  }, 300_000);

  it('shows the same in Chinese, and the candidate-facing explanation to copy', async () => {
    const page = await open('zh', `/scorecards/${f.postingId}`, f.hr);
    await page.getByRole('heading', { name: '评分汇总', level: 1 }).waitFor();
    await page.getByTestId('ranking-row').nth(1).waitFor();
    const topRow = page.locator(`tr[data-candidate="${f.top.candidateId}"]`);
    await expectText(topRow.locator('[data-flag="spread"]'), '评分分歧');
    await expectText(topRow, '强烈推荐：1');
    await expectText(topRow, '2 / 2');
    await shot(page, 'ranking-zh');
    expect(await axeProblems(page)).toEqual([]);

    await page.getByRole('tab', { name: '评分一致性' }).click();
    await page.getByText('如何解读这些数值').waitFor();
    await page.getByTestId('calibration-row').nth(1).waitFor();
    await shot(page, 'agreement-zh');

    await page.getByRole('tab', { name: '排名' }).click();
    await page.getByRole('link', { name: f.top.name, exact: true }).click();
    await page.getByRole('heading', { name: f.top.name, level: 1 }).waitFor();
    await expectText(page.getByTestId('integrity'), '仅供参考，从不计入分数');
    await page.getByTestId('scorecard').locator('tr[data-spread="true"] [data-flag="spread"]').first().waitFor();
    await shot(page, 'scorecard-zh');
    expect(await axeProblems(page)).toEqual([]);

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    await page.getByRole('button', { name: /给候选人的说明$/ }).click();
    await page.getByRole('heading', { name: `给 ${f.top.name} 的说明`, level: 1 }).waitFor();
    await page.getByText('暂时不能直接发送').waitFor();
    const text = page.getByTestId('explanation-text');
    await text.waitFor();
    expect(await text.getAttribute('lang')).toBe('zh-CN');
    const zh = await text.textContent();
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    await page.getByRole('button', { name: /复制文本$/ }).click();
    await page.getByText('已复制到剪贴板。').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.length).toBeGreaterThan(20);
    // The English version, for a candidate who reads English.
    await page.locator('.sc-print-root .ant-segmented').getByText('English', { exact: true }).click();
    await until(async () => ((await text.getAttribute('lang')) === 'en' ? true : undefined));
    expect(await text.textContent()).not.toBe(zh);
    await shot(page, 'explanation-zh');
    expect(await axeProblems(page)).toEqual([]);

    await page.goto(
      `${suite.server.url}/scorecards/${f.postingId}/compare?candidates=${f.top.candidateId},${f.low.candidateId}`,
    );
    await page.getByRole('heading', { name: '候选人对比', level: 1 }).waitFor();
    await page.locator('.sc-chart svg').waitFor();
    await shot(page, 'compare-zh');
  }, 240_000);

  it('withholds the scores from HR while HR is a pending rater, and keeps interviewers out', async () => {
    await assignRaters(suite.server.url, f.hr.token, 'attempt', f.low.attemptId, [f.raterA.id, f.raterB.id, f.hr.id]);
    const page = await open('en', `/scorecards/${f.postingId}`, f.hr);
    const lowRow = page.locator(`tr[data-candidate="${f.low.candidateId}"]`);
    await expectText(lowRow.getByTestId('withheld'), 'Submit your own scores first');
    expect(await lowRow.getByRole('link', { name: f.low.name }).count()).toBe(0);
    await expectText(lowRow, '2 of 3');
    // Flags are withheld too: a spread would tell a pending rater how the others scored.
    expect(await lowRow.locator('[data-flag]').count()).toBe(0);
    await page.goto(`${suite.server.url}/scorecards/${f.postingId}/${f.low.candidateId}`);
    await page.getByText('Submit your own scores for this candidate first').waitFor();
    await shot(page, 'withheld-en');
    expect(await axeProblems(page)).toEqual([]);

    const rater = await open('en', '', f.raterA);
    expect(
      await rater
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Scorecards' })
        .count(),
    ).toBe(0);
    await rater.goto(`${suite.server.url}/scorecards/${f.postingId}`);
    await rater.getByText('Your role (Interviewer) cannot use this page.').waitFor();
  }, 180_000);
});
