import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { linkToken, scheduleInterview } from '../factories/interviews';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { staffPage, type UiLang } from '../support/staff-browser';
import { ADMIN, loginAs } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
jest.setTimeout(180_000);
/** Screenshots of each screen, to look at by eye. */
const SHOTS = process.env.RUBRICON_ROOM_SHOTS ?? '/tmp/shots-room';

/** The shared editor's text as Monaco shows it, line by line (all lines fit in the editor here). */
const editorText = (page: Page) =>
  page.locator('[data-testid=collab-editor] .view-lines').evaluate((el) =>
    Array.from(el.querySelectorAll<HTMLElement>('.view-line'))
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
      .join('\n'),
  );

/** Serious and critical axe findings, as "rule: target" lines (empty when clean). */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

describeInBrowser('live interview room in Chromium', () => {
  const suite = useBrowserSuite();
  const pages: Page[] = [];
  let adminToken: string;
  let adminId: string;
  let adminName: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    adminToken = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    const me = await request(suite.server.url)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    adminId = me.body.id;
    adminName = me.body.name;
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
  });

  const schedule = () => scheduleInterview(suite.server.url, adminToken, [adminId]);
  const interviewer = async (lang: UiLang, id: string) => {
    const page = await staffPage(suite.browser, suite.server.url, lang);
    pages.push(page);
    await page.goto(`${suite.server.url}/interviews/${id}/room`);
    await page.getByTestId('interview-room').waitFor();
    return page;
  };
  const candidate = async (lang: UiLang, token: string, userAgent?: string) => {
    const context = await suite.browser.newContext({
      locale: lang === 'zh' ? 'zh-CN' : 'en-US',
      viewport: { width: 1280, height: 900 },
      userAgent,
    });
    await context.addInitScript((value) => localStorage.setItem('rubricon.lang', value), lang);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    pages.push(page);
    await page.goto(`${suite.server.url}/live/${token}`);
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  /** Nothing on the page (a long name, a wide table, the editor) pushes it wider than the window. */
  const expectNoSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  it('lets interviewer and candidate type at once, see each other’s named cursors and runs; notes stay private; End makes the code read-only', async () => {
    const scheduled = await schedule();
    const token = linkToken(scheduled.link);
    const staff = await interviewer('en', scheduled.interview.id);
    const cand = await candidate('en', token);
    await cand.getByRole('heading', { name: 'Waiting for the interviewer' }).waitFor();
    await cand.getByTestId('participants').getByText(adminName).waitFor();
    // Only the candidate's own name shows; nothing of the questions yet.
    expect(await cand.getByTestId('live-statement').count()).toBe(0);

    // Reveal the coding question (the first one): the candidate sees it and both get the shared editor.
    const coding = staff.getByTestId('room-questions').locator('li').first();
    const title = (await coding.locator('.room-question-open').textContent())!.replace(/^1\.\s*/, '').trim();
    await coding.getByRole('button', { name: /^Reveal/ }).click();
    await coding.getByText('Revealed').waitFor();
    await cand.getByRole('heading', { name: title }).waitFor();
    const staffEditor = staff.locator('[data-testid=collab-editor] .view-lines');
    const candEditor = cand.locator('[data-testid=collab-editor] .view-lines');
    await staffEditor.waitFor();
    await candEditor.waitFor();
    await staff.waitForFunction(() => document.querySelector('[data-testid=room-timer]') !== null);
    const starter = await editorText(staff);
    expect(await editorText(cand)).toBe(starter);

    // Both type at the same time: the interviewer at the end, the candidate on a new first line.
    await staffEditor.click();
    await staff.keyboard.press('ControlOrMeta+End');
    await candEditor.click();
    await cand.keyboard.press('ControlOrMeta+Home');
    await cand.keyboard.press('Enter');
    await cand.keyboard.press('ArrowUp');
    const fromStaff = '// interviewer: what about an empty input';
    const fromCand = '// candidate: two pointers from both ends';
    await Promise.all([
      staff.keyboard.press('Enter').then(() => staff.keyboard.type(fromStaff, { delay: 15 })),
      cand.keyboard.type(fromCand, { delay: 15 }),
    ]);
    const converged = async (page: Page) =>
      page.waitForFunction(
        ([a, b]) => {
          const text = document.querySelector('[data-testid=collab-editor] .view-lines')?.textContent ?? '';
          return text.replace(/\u00a0/g, ' ').includes(a) && text.replace(/\u00a0/g, ' ').includes(b);
        },
        [fromStaff, fromCand],
      );
    await Promise.all([converged(staff), converged(cand)]);
    const finalText = await editorText(staff);
    expect(await editorText(cand)).toBe(finalText);
    expect(finalText.split('\n')[0]).toBe(fromCand);
    expect(finalText).toContain(fromStaff);

    // Each sees the other's caret, coloured and labelled with the name.
    await staff.locator('.yRemoteSelectionHead').first().waitFor({ state: 'attached' });
    await cand.locator('.yRemoteSelectionHead').first().waitFor({ state: 'attached' });
    const candidateName = scheduled.interview.candidate.name;
    await staff.getByTestId('cursor-legend').getByText(candidateName).waitFor();
    await cand.getByTestId('cursor-legend').getByText(adminName).waitFor();
    const label = await cand
      .locator('.yRemoteSelectionHead')
      .first()
      .evaluate((el) => getComputedStyle(el, '::after').content);
    expect(label).toBe(JSON.stringify(adminName));
    await shot(staff, 'room-en-typing');
    await shot(cand, 'live-en-typing');
    await expectNoSidewaysScroll(staff);
    await expectNoSidewaysScroll(cand);

    // A run from the interviewer reaches both screens, the same.
    await staff.getByTestId('run-visible').click();
    await Promise.all([
      staff.getByTestId('run-tests').waitFor({ timeout: 60_000 }),
      cand.getByTestId('run-tests').waitFor({ timeout: 60_000 }),
    ]);
    const staffRun = await staff.getByTestId('run-output').textContent();
    expect(staffRun).toContain(`Run by ${adminName}`);
    expect(await cand.getByTestId('run-output').textContent()).toBe(staffRun);

    // The candidate's run on their own input reaches the interviewer too.
    await cand.getByLabel('Input (JSON, passed as solve(input))').fill('{"rules": [], "packets": []}');
    await cand.getByRole('button', { name: 'Run with this input' }).click();
    const candidateRun = `Run by ${scheduled.interview.candidate.name}`;
    await Promise.all([
      staff.getByTestId('run-output').getByText(candidateRun).waitFor(),
      cand.getByTestId('run-output').getByText(candidateRun).waitFor(),
    ]);
    await Promise.all([
      staff.getByTestId('run-custom').getByText('Result for the input').waitFor({ timeout: 60_000 }),
      cand.getByTestId('run-custom').getByText('Result for the input').waitFor({ timeout: 60_000 }),
    ]);
    expect(await staff.getByTestId('run-custom').locator('pre').first().textContent()).toBe('[]');

    // Private notes autosave; the candidate's page never has them.
    await staff.getByTestId('note-input').fill('**Strong** start, asked about empty input');
    await staff
      .locator('[data-testid=note-state][data-state=saved]')
      .getByText(/^Saved /)
      .waitFor();
    await staff.getByText('Preview', { exact: true }).click();
    expect(await staff.getByTestId('note-preview').locator('strong').textContent()).toBe('Strong');
    expect(await cand.getByTestId('room-notes').count()).toBe(0);
    expect(await cand.locator('body').textContent()).not.toContain('asked about empty input');

    // End (confirmed): the candidate's editor turns read-only and says so.
    await staff.getByRole('button', { name: 'End interview' }).click();
    await staff.getByRole('button', { name: 'End it' }).click();
    await staff.getByTestId('room-ended').waitFor();
    await cand.getByTestId('read-only-notice').getByText('The interview has ended: the code is read-only.').waitFor();
    await cand.locator('[data-testid=collab-editor][data-readonly=true]').waitFor();
    await candEditor.click();
    await cand.keyboard.type('zzz');
    await cand.waitForTimeout(500);
    expect(await editorText(cand)).toBe(finalText);
    expect(await editorText(staff)).toBe(finalText);
    await shot(cand, 'live-en-ended');
    await shot(staff, 'room-en-ended');
    await expectNoSidewaysScroll(staff);
    await expectNoSidewaysScroll(cand);
    // The link no longer opens the room once the interview is over: opening it again says so.
    await cand.reload();
    await cand.getByTestId('interview-ended').getByRole('heading', { name: 'The interview has ended' }).waitFor();
    // The interviewer can come back after the end: their note as saved, the code read-only.
    await staff.reload();
    await staff.getByTestId('room-ended').waitFor();
    expect(await staff.getByTestId('note-input').inputValue()).toBe('**Strong** start, asked about empty input');
    await staff.locator('[data-testid=collab-editor][data-readonly=true] .view-lines').waitFor();
    expect(await editorText(staff)).toBe(finalText);
  });

  it('renders both pages in Chinese and in English', async () => {
    const scheduled = await schedule();
    const staff = await interviewer('zh', scheduled.interview.id);
    const cand = await candidate('zh', linkToken(scheduled.link));
    await cand.getByRole('heading', { name: '等待面试官' }).waitFor();
    await cand.getByRole('heading', { name: '面试参与者' }).waitFor();
    await staff.getByText('我的笔记（仅自己可见）').waitFor();
    await staff.getByRole('button', { name: '开始面试' }).waitFor();
    expect(await staff.getByTestId('room-questions').getByRole('button', { name: /^公布/ }).count()).toBe(2);
    await shot(staff, 'room-zh-waiting');
    await shot(cand, 'live-zh-waiting');

    // Start: the timer runs on both sides.
    await staff.getByRole('button', { name: '开始面试' }).click();
    await staff.getByTestId('room-timer').getByText('已用时').waitFor();
    await cand.getByTestId('room-timer').getByText('已用时').waitFor();
    await staff.getByTestId('room-questions').getByRole('button', { name: /^公布/ }).first().click();
    await cand.getByTestId('live-statement').waitFor();
    await cand.getByRole('button', { name: '运行示例' }).waitFor();
    await staff.getByText('评分标准').waitFor();
    await cand.locator('[data-testid=collab-editor] .view-lines').waitFor();
    await shot(staff, 'room-zh-question');
    await shot(cand, 'live-zh-question');

    await cand.getByTestId('candidate-lang-toggle').click();
    await cand.getByRole('button', { name: 'Run examples' }).waitFor();
    await cand.getByTestId('room-timer').getByText('Elapsed').waitFor();

    // The next reveal moves both screens to it (a case study: no editor); the first stays a click away.
    const second = staff.getByTestId('room-questions').locator('li').nth(1);
    const secondTitle = (await second.locator('.room-question-open').textContent())!.replace(/^2\.\s*/, '').trim();
    await second.getByRole('button', { name: /^公布/ }).click();
    await staff.getByTestId('room-question').getByRole('heading', { name: secondTitle }).waitFor();
    // The candidate reads in English now.
    await cand.getByText('This question is answered by talking it through with your interviewer.').waitFor();
    expect(await cand.getByTestId('collab-editor').count()).toBe(0);
    const nav = cand.getByRole('navigation', { name: 'Questions' });
    const items = await nav.getByRole('button').allTextContents();
    expect(items).toEqual([
      expect.stringMatching(/^Question 1: /),
      expect.stringMatching(/^Question 2: .+ \(current\)$/),
    ]);
    const englishTitle = items[1].replace(/^Question 2: /, '').replace(/ \(current\)$/, '');
    expect(await cand.getByTestId('live-statement').getByRole('heading', { level: 1 }).textContent()).toBe(
      englishTitle,
    );
    await nav.getByRole('button').first().click();
    await cand.locator('[data-testid=collab-editor] .view-lines').waitFor();
    await shot(cand, 'live-en-two-revealed');
  });

  it('explains a link that cannot be used, and hands the session to the newest window', async () => {
    const bad = await candidate('en', 'not-a-real-link-token');
    await bad.getByRole('heading', { name: 'This interview link cannot be used' }).waitFor();
    await bad.getByText('This interview link is not valid. Check that you opened the whole link.').waitFor();
    await shot(bad, 'live-en-bad-link');

    const scheduled = await schedule();
    const token = linkToken(scheduled.link);
    const first = await candidate('zh', token);
    await first.getByRole('heading', { name: '等待面试官' }).waitFor();
    const second = await candidate('zh', token);
    await second.getByRole('heading', { name: '等待面试官' }).waitFor();
    await first.getByTestId('session-replaced').getByRole('heading', { name: '已在另一个窗口中打开' }).waitFor();
    await shot(first, 'live-zh-replaced');
    // Continuing in the first window takes the session back.
    await first.getByRole('button', { name: '在此窗口继续' }).click();
    await first.getByRole('heading', { name: '等待面试官' }).waitFor();
    await second.getByTestId('session-replaced').waitFor();
    // A new link from staff shows the page holding the old one out, in its language.
    await request(suite.server.url)
      .post(`/api/interviews/${scheduled.interview.id}/link`)
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    await first.getByTestId('link-problem').getByText('此链接已被新链接取代，请打开您收到的最新链接。').waitFor();
  });

  it('has no serious or critical axe findings in the room or on the candidate page', async () => {
    const scheduled = await schedule();
    const staff = await interviewer('en', scheduled.interview.id);
    const cand = await candidate('en', linkToken(scheduled.link));
    await cand.getByRole('heading', { name: 'Waiting for the interviewer' }).waitFor();
    const found: Record<string, string[]> = { waiting: await axeProblems(cand) };
    await staff
      .getByTestId('room-questions')
      .getByRole('button', { name: /^Reveal/ })
      .first()
      .click();
    await cand.locator('[data-testid=collab-editor] .view-lines').waitFor();
    await staff.locator('[data-testid=collab-editor] .view-lines').click();
    await cand.locator('.yRemoteSelectionHead').first().waitFor({ state: 'attached' });
    found.candidateQuestion = await axeProblems(cand);
    found.room = await axeProblems(staff);
    expect(found).toEqual({ waiting: [], candidateQuestion: [], room: [] });
  });

  it('keeps a Windows browser (CRLF by default) and a Linux one on the same text', async () => {
    const scheduled = await schedule();
    const staff = await interviewer('en', scheduled.interview.id);
    await staff
      .getByTestId('room-questions')
      .getByRole('button', { name: /^Reveal/ })
      .first()
      .click();
    const staffEditor = staff.locator('[data-testid=collab-editor] .view-lines');
    await staffEditor.waitFor();
    // An empty document: a Windows editor opened on it would keep CRLF line ends unless told otherwise.
    await staffEditor.click();
    await staff.keyboard.press('ControlOrMeta+A');
    await staff.keyboard.press('Delete');
    await staff.waitForFunction(
      () => (document.querySelector('[data-testid=collab-editor] .view-lines')?.textContent ?? '').trim() === '',
    );
    await staff.waitForTimeout(500);
    const windows =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
    const cand = await candidate('en', linkToken(scheduled.link), windows);
    const candEditor = cand.locator('[data-testid=collab-editor] .view-lines');
    await candEditor.waitFor();
    // Lines typed on "Windows" at the top, then an edit from Linux after them, then one more from Windows.
    await candEditor.click();
    await cand.keyboard.press('ControlOrMeta+Home');
    for (const line of ['// one', '// two', '// three']) {
      await cand.keyboard.type(line);
      await cand.keyboard.press('Enter');
    }
    await staff.waitForFunction(() =>
      (document.querySelector('[data-testid=collab-editor] .view-lines')?.textContent ?? '')
        .replace(/\u00a0/g, ' ')
        .includes('// three'),
    );
    await staffEditor.click();
    await staff.keyboard.press('ControlOrMeta+Home');
    await staff.keyboard.press('ArrowDown');
    await staff.keyboard.press('End');
    await staff.keyboard.type(' and a half');
    await cand.waitForFunction(() =>
      (document.querySelector('[data-testid=collab-editor] .view-lines')?.textContent ?? '')
        .replace(/\u00a0/g, ' ')
        .includes('and a half'),
    );
    await cand.keyboard.type('// four');
    await staff.waitForFunction(() =>
      (document.querySelector('[data-testid=collab-editor] .view-lines')?.textContent ?? '')
        .replace(/\u00a0/g, ' ')
        .includes('// four'),
    );
    const text = await editorText(staff);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '// one',
      '// two and a half',
      '// three',
      expect.stringMatching(/^\/\/ four/),
    ]);
    expect(await editorText(cand)).toBe(text);
  });
});
