import { join } from 'node:path';
import request from 'supertest';
import type {
  AssessmentView,
  AttemptDetail,
  AttemptSummary,
  CandidateAttemptView,
  InvitationLink,
} from '@rubricon/contracts';
import { loadQuestionBank, type CodingQuestion } from '@rubricon/generation';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { AttemptEntity } from '../../apps/api/src/attempts/attempt.entity';
import { invite, publishedAssessment } from '../factories/attempts';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { ADMIN, loginAs } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);
const SHOTS = process.env.RUBRICON_SHOTS;
const CODE = 'function solve(input) { return null; }';
const TEXT = 'First I would reconcile the ledger, 然后核对清算文件, then escalate.';
const bank = loadQuestionBank(join(__dirname, '..', '..', 'question-banks'));

describeInBrowser('candidate attempt in Chromium', () => {
  const suite = useBrowserSuite();
  let hr: string;
  let assessment: AssessmentView;
  let link: InvitationLink;

  beforeAll(async () => {
    hr = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    assessment = await publishedAssessment(suite.server.url, hr, '开发工程师');
    [link] = await invite(suite.server.url, hr, assessment.id, 1);
  });

  /** Console errors, failed page scripts and Monaco's worker fallbacks (a CSP refusal shows as one). */
  function watchConsole(page: Page): string[] {
    watchSession(page);
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || (msg.type() === 'warning' && /worker|Content Security Policy/i.test(msg.text())))
        problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    return problems;
  }
  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  const remainingMs = async (page: Page) =>
    Number(await page.getByTestId('countdown').getAttribute('data-remaining-ms'));
  const navItem = (page: Page, kind: RegExp) =>
    page.getByRole('navigation', { name: 'Questions' }).getByRole('button').filter({ hasText: kind }).first();
  const editorText = (page: Page) =>
    page
      .locator('.code-editor .view-lines')
      .innerText()
      .then((t) => t.replace(/\u00a0/g, ' '));

  it('takes the attempt with the keyboard: code, run, text, autosave, reload, submit; HR sees it submitted', async () => {
    const context = await suite.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchConsole(page);

    await page.goto(`${suite.server.url}/take/${link.token}`);
    await page.getByRole('heading', { name: '开发工程师', level: 1 }).waitFor();
    await page.getByText(`Time allowed: ${assessment.durationMinutes} minutes`).waitFor();
    await page.getByTestId('candidate-lang-toggle').click();
    await page.getByRole('button', { name: '开始测评' }).waitFor();
    await shot(page, '1-instructions-zh');
    await page.getByTestId('candidate-lang-toggle').click();
    await page.getByRole('button', { name: 'Start the assessment' }).click();

    await page.getByTestId('countdown').waitFor();
    const atStart = await remainingMs(page);
    expect(atStart).toBeGreaterThan(assessment.durationMinutes * 60_000 - 60_000);

    // The first coding question: Monaco, typed into with the keyboard, Ctrl+Enter runs the examples.
    const codingNav = navItem(page, /Coding/);
    await codingNav.focus();
    await page.keyboard.press('Enter');
    expect(await codingNav.getAttribute('aria-current')).toBe('step');
    await page.locator('.code-editor .monaco-editor').waitFor();
    await page.locator('.code-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(CODE, { delay: 15 });
    await page.keyboard.press('Escape');
    expect((await editorText(page)).trim()).toBe(CODE);
    await page.keyboard.press('Control+Enter');
    const results = page.getByTestId('visible-results');
    await results.waitFor();
    expect(await results.locator('li').count()).toBeGreaterThan(0);
    expect(await results.textContent()).toMatch(/Example 1.*(passed|failed)/);
    await page.getByRole('button', { name: 'Submit to hidden tests' }).click();
    await expectText(page.getByTestId('hidden-result'), /Passed \d+ of \d+ hidden tests/);
    await shot(page, '2-coding');

    // The other coding question, untouched: switching to TypeScript loads the TypeScript starter.
    const second = page
      .getByRole('navigation', { name: 'Questions' })
      .getByRole('button')
      .filter({ hasText: /Coding/ })
      .nth(1);
    await second.click();
    await page.locator('.code-editor .monaco-editor').waitFor();
    const view = await candidateView(page);
    const starter = view.questions.find((q) => q.id === view.questions.filter((x) => x.kind === 'coding')[1].id)!
      .coding!.starter;
    const firstLine = (code: string) =>
      code
        .split('\n')
        .find((line) => line.trim())!
        .trim();
    await expectText(page.locator('.code-editor .view-lines'), firstLine(starter.javascript));
    await page.getByLabel('Language').selectOption('typescript');
    await page.waitForFunction(
      (line) =>
        document
          .querySelector('.code-editor .view-lines')
          ?.textContent?.replace(/\u00a0/g, ' ')
          .includes(line),
      firstLine(starter.typescript),
    );

    // A text question: typed, then the navigator shows both answers saved.
    const textNav = navItem(page, /Case study|Scenario|Behavioural/);
    await textNav.click();
    const textarea = page.locator('.text-answer textarea');
    await textarea.focus();
    await page.keyboard.type(TEXT);
    await expectText(page.getByTestId('char-count'), `${[...TEXT].length} characters`);
    await waitForState(page, textNav, 'saved');
    await waitForState(page, codingNav, 'saved');
    await shot(page, '3-text-saved');

    // A reload resumes: same answers, and the countdown continues from the server's figure.
    await page.reload();
    await page.getByTestId('countdown').waitFor();
    const afterReload = await remainingMs(page);
    expect(afterReload).toBeLessThan(atStart);
    expect(afterReload).toBeGreaterThan(atStart - 120_000);
    await page.waitForTimeout(1200);
    expect(await remainingMs(page)).toBeLessThan(afterReload);
    await navItem(page, /Case study|Scenario|Behavioural/).click();
    expect(await page.locator('.text-answer textarea').inputValue()).toBe(TEXT);
    await navItem(page, /Coding/).click();
    await page.locator('.code-editor .monaco-editor').waitFor();
    expect((await editorText(page)).trim()).toBe(CODE);

    await page.getByRole('button', { name: 'Submit the assessment' }).click();
    await page.getByRole('button', { name: 'Yes, submit' }).click();
    await page.getByTestId('thank-you').waitFor();
    expect(await page.getByTestId('thank-you').textContent()).not.toMatch(/\d+ of \d+|%/);
    await shot(page, '4-thanks');
    expect(problems).toEqual([]);

    const attempts = (
      await request(suite.server.url)
        .get(`/api/assessments/${assessment.id}/attempts`)
        .set('Authorization', `Bearer ${hr}`)
        .expect(200)
    ).body as AttemptSummary[];
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ status: 'submitted', submittedBy: 'candidate' });
    const detail = (
      await request(suite.server.url)
        .get(`/api/attempts/${attempts[0].attemptId}`)
        .set('Authorization', `Bearer ${hr}`)
        .expect(200)
    ).body as AttemptDetail;
    expect(detail.answers.find((a) => a.kind === 'coding')).toMatchObject({ content: CODE, language: 'javascript' });
    expect(detail.answers.find((a) => a.kind !== 'coding')?.content).toBe(TEXT);
    expect(
      detail.answers
        .filter((a) => a.kind === 'coding')
        .map((a) => a.language)
        .sort(),
    ).toEqual(['javascript', 'typescript']);
    await context.close();
  });

  it('shows HR the attempts with status and score, and one attempt with answers and the integrity timeline', async () => {
    const page = await (await suite.browser.newContext({ locale: 'zh-CN' })).newPage();
    const problems = watchConsole(page);
    await page.goto(suite.server.url);
    await page.locator('input[type=email]').fill(ADMIN.email);
    await page.locator('input[type=password]').fill(ADMIN.password);
    await page.locator('button[type=submit]').click();
    await page.locator('input[type=search]').waitFor();
    await page.goto(`${suite.server.url}/assessments/${assessment.id}`);
    await page.getByRole('link', { name: /候选人与作答/ }).click();
    await page.getByRole('heading', { name: '候选人与作答' }).waitFor();
    const row = page.getByTestId('attempt-row');
    await expectText(row, /Candidate 1.*已提交/);
    await shot(page, '5-hr-attempts');
    await row.getByRole('link', { name: 'Candidate 1' }).click();
    await page.getByRole('heading', { name: '诚信时间线' }).waitFor();
    expect(await page.getByTestId('hr-answer').count()).toBeGreaterThanOrEqual(2);
    await expectText(page.getByTestId('hr-answer').filter({ hasText: CODE }).first(), /隐藏测试通过 \d+ \/ \d+/);
    await shot(page, '6-hr-detail');

    // A new invitation through the form shows its link once.
    await page.goBack();
    await page.getByLabel('姓名').fill('王芳');
    await page.getByLabel('邮箱').fill('wang.fang@example.com');
    await page.getByRole('button', { name: '生成链接' }).click();
    await expectText(page.getByRole('region', { name: '新链接（仅显示一次）' }), /王芳/);
    expect(await page.getByTestId('invitation-url').inputValue()).toMatch(/\/take\/.+/);
    await expectText(page.getByTestId('attempt-row').filter({ hasText: '王芳' }), /已邀请/);
    expect(problems).toEqual([]);
  });

  it('keeps saving over HTTP while the socket cannot connect, and goes back to the socket when it can', async () => {
    const [offline] = await invite(suite.server.url, hr, assessment.id, 1);
    const context = await suite.browser.newContext({ locale: 'en-US' });
    // Every socket.io request fails, as behind a proxy that refuses WebSockets and long polling.
    const blocked = (url: URL) => url.pathname.startsWith('/socket.io/');
    const abort = (route: import('playwright-core').Route) => route.abort();
    await context.route(blocked, abort);
    const page = await context.newPage();
    watchSession(page);
    const saves: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().includes('/api/candidate/attempt/answers/')) saves.push(r.url());
    });
    await page.goto(`${suite.server.url}/take/${offline.token}`);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.getByRole('status').filter({ hasText: 'Connection lost' }).waitFor();

    const textNav = navItem(page, /Case study|Scenario|Behavioural/);
    await textNav.click();
    await page.locator('.text-answer textarea').fill('Saved without a socket.');
    await waitForState(page, textNav, 'saved');
    expect(saves).toHaveLength(1);
    await shot(page, '7-offline-saved');

    // The socket comes back: the notice goes, and the next save travels over it, not over HTTP.
    await context.unroute(blocked, abort);
    await page
      .getByRole('status')
      .filter({ hasText: 'Connection lost' })
      .waitFor({ state: 'detached', timeout: 20_000 });
    await page.locator('.text-answer textarea').fill('Saved over the socket again.');
    await waitForState(page, textNav, 'saved');
    expect(saves).toHaveLength(1);

    const view = await candidateView(page);
    const text = view.questions.find((q) => q.kind !== 'coding')!;
    expect(view.answers.find((a) => a.questionId === text.id)?.content).toBe('Saved over the socket again.');
    await context.close();
  });

  it('says in Chinese, on a zh-CN page, that an invitation link was withdrawn, and in English after the switch', async () => {
    // A started link resumes its attempt (candidate-sessions.browser-spec.ts); a withdrawn one says why not.
    const [withdrawn] = await invite(suite.server.url, hr, assessment.id, 1);
    await request(suite.server.url)
      .post(`/api/invitations/${withdrawn.invitationId}/revoke`)
      .set('Authorization', `Bearer ${hr}`)
      .expect(200);
    const context = await suite.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${suite.server.url}/take/${withdrawn.token}`);
    await page.getByRole('heading', { name: '该链接无法使用' }).waitFor();
    await expectText(page.getByRole('alert'), '该邀请已被撤回。请联系招聘方。');
    expect(await page.getByRole('alert').textContent()).not.toMatch(/withdrawn/);
    await shot(page, '8-link-revoked-zh');
    // The page keeps the refusal, not the words: the switch re-says it.
    await page.getByTestId('candidate-lang-toggle').click();
    await expectText(page.getByRole('alert'), 'This invitation has been withdrawn. Please contact the recruiter.');
    // The 410 itself is the only console error: the browser logs every failed request.
    expect(problems.filter((p) => !/410/.test(p))).toEqual([]);
    await context.close();
  });

  it('counts down from the server deadline and shows the end when the server submits at it', async () => {
    const [late] = await invite(suite.server.url, hr, assessment.id, 1);
    const page = await (await suite.browser.newContext({ locale: 'zh-CN' })).newPage();
    const problems = watchConsole(page);
    await page.goto(`${suite.server.url}/take/${late.token}`);
    await page.getByRole('button', { name: '开始测评' }).click();
    await page.getByTestId('countdown').waitFor();
    // Keyboard: the arrow keys move along the navigator, Enter opens the question.
    await page.getByTestId('nav-q1').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('nav-q2').getAttribute('aria-current')).toBe('step');

    await suite.server.app
      .get(DataSource)
      .getRepository(AttemptEntity)
      .update({ id: late.attemptId }, { deadline: new Date(Date.now() + 6000) });
    await page.reload();
    await page.getByTestId('countdown').waitFor();
    expect(await remainingMs(page)).toBeLessThanOrEqual(6000);
    await page.getByTestId('thank-you').waitFor({ timeout: 20_000 });
    await expectText(page.getByTestId('thank-you'), '感谢您的作答');
    expect(problems).toEqual([]);
  });

  it('codes in Python: the language among the options, its starter highlighted, a solution typed, the examples passing', async () => {
    const [pythonLink] = await invite(suite.server.url, hr, assessment.id, 1);
    const context = await suite.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${suite.server.url}/take/${pythonLink.token}`);
    await page.getByRole('button', { name: '开始测评' }).click();
    await page.getByTestId('countdown').waitFor();

    // A coding question the bank has a Python reference solution for.
    const view = await candidateView(page);
    const index = view.questions.findIndex(
      (q) => q.kind === 'coding' && (bank.questions.find((b) => b.id === q.id) as CodingQuestion).reference.python,
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const question = view.questions[index];
    const solution = (bank.questions.find((b) => b.id === question.id) as CodingQuestion).reference.python!;
    const nav = page.getByTestId(`nav-q${index + 1}`);
    await nav.click();
    await page.locator('.code-editor .monaco-editor').waitFor();

    // Every language of the contracts is offered, by name; Python loads its own starter.
    const select = page.getByLabel('编程语言');
    expect(await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
      'javascript',
      'typescript',
      'python',
    ]);
    expect(await select.locator('option').allTextContents()).toEqual(['JavaScript', 'TypeScript', 'Python']);
    await select.selectOption('python');
    const starter = question.coding!.starter.python;
    expect(starter).toMatch(/\bdef solve\(/);
    await waitForCode(page, starter.split('\n')[0].trim());

    // Highlighted as Python: the keyword `def` is coloured unlike the name it defines (which Monaco
    // renders with the space before it).
    const colourOf = (word: string) =>
      page
        .locator('.code-editor .view-lines span span')
        .filter({ hasText: new RegExp(`^\\s*${word}$`) })
        .first()
        .evaluate((el) => getComputedStyle(el).color);
    expect(await colourOf('def')).not.toBe(await colourOf('solve'));
    await shot(page, '9-python-starter-zh');
    await page.getByTestId('candidate-lang-toggle').click();
    await page.getByLabel('Language').waitFor();
    await shot(page, '9-python-starter-en');

    // Enter after a `def …:` line indents by four spaces, as the starter's body is.
    await page.locator('.code-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('def solve(input):', { delay: 15 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.type('return 1');
    await waitForCode(page, 'def solve(input):\n    return 1', true);

    // The bank's reference solution, typed line by line: the examples all pass, and the answer is
    // saved as Python, exactly as typed.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await typeCode(page, solution);
    await page.getByRole('button', { name: 'Run examples' }).click();
    const results = page.getByTestId('visible-results');
    await results.waitFor({ timeout: 30_000 });
    const verdicts = results.locator('li');
    expect(await verdicts.count()).toBe(question.coding!.examples.length);
    expect(await results.locator('li.fail').allTextContents()).toEqual([]);
    expect(await verdicts.evaluateAll((lis) => lis.map((li) => li.className))).toEqual(
      question.coding!.examples.map(() => 'pass'),
    );
    await shot(page, '10-python-passed-en');
    await waitForState(page, nav, 'saved');
    const saved = (await candidateView(page)).answers.find((a) => a.questionId === question.id);
    expect(saved).toMatchObject({ content: solution, language: 'python' });
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** Waits until the editor's visible lines (Monaco writes spaces as no-break ones) hold `text`, or are it exactly. */
async function waitForCode(page: Page, text: string, exact = false): Promise<void> {
  await page.waitForFunction(
    ([t, whole]) => {
      const code = document.querySelector<HTMLElement>('.code-editor .view-lines')?.innerText.replace(/\u00a0/g, ' ');
      return code !== undefined && (whole ? code === t : code.includes(t));
    },
    [text, exact] as const,
  );
}

/**
 * Types code into an empty Monaco line by line, each line as one input. Monaco helps as it would a
 * person: it indents each new line (more after a `def …:`) and closes a bracket a line ends with.
 * The code brings its own indentation and brackets, so the indentation is selected and typed over,
 * and whatever Monaco added after the cursor is deleted before the next line.
 */
async function typeCode(page: Page, code: string): Promise<void> {
  for (const [i, line] of code.split('\n').entries()) {
    if (i > 0) {
      await page.keyboard.press('Escape'); // an open suggestion list would take the Enter
      await page.keyboard.press('Enter');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Delete');
    }
    if (line) await page.keyboard.insertText(line);
    await page.keyboard.press('ControlOrMeta+Shift+End');
    await page.keyboard.press('Delete');
  }
  await page.keyboard.press('Escape');
}

/** What the server holds for the candidate, read with the access token the page keeps. */
/** The access token of the session each page opened last (the page keeps it to itself, in memory). */
const sessionTokens = new WeakMap<Page, string>();
function watchSession(page: Page): void {
  page.on('response', async (res) => {
    if (res.ok() && new URL(res.url()).pathname === '/api/candidate/sessions')
      sessionTokens.set(page, ((await res.json()) as { accessToken: string }).accessToken);
  });
}

/** The attempt as the page's own session sees it (reading it does not take the attempt over). */
async function candidateView(page: Page): Promise<CandidateAttemptView> {
  const token = sessionTokens.get(page);
  const origin = new URL(page.url()).origin;
  return (await request(origin).get('/api/candidate/attempt').set('Authorization', `Bearer ${token}`).expect(200)).body;
}

async function waitForState(page: Page, item: ReturnType<Page['locator']>, state: string) {
  await page.waitForFunction(
    ([el, s]) => (el as HTMLElement).dataset.state === s,
    [await item.elementHandle(), state] as const,
    { timeout: 15_000 },
  );
}

async function expectText(locator: ReturnType<Page['locator']>, text: string | RegExp) {
  await locator.first().waitFor();
  await locator
    .first()
    .page()
    .waitForFunction(
      ([el, source, flags]) => new RegExp(source, flags).test((el as HTMLElement).textContent ?? ''),
      [
        await locator.first().elementHandle(),
        typeof text === 'string' ? escape(text) : text.source,
        typeof text === 'string' ? '' : text.flags,
      ] as const,
      { timeout: 15_000 },
    );
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
