import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { CODE_TEXT } from '@rubricon/collab';
import type { InterviewDetail, InterviewReplay } from '@rubricon/contracts';
import {
  InterviewEventEntity,
  InterviewNoteEntity,
  InterviewUpdateEntity,
} from '../../apps/api/src/interviews/interview-log.entities';
import { InterviewEntity } from '../../apps/api/src/interviews/interview.entity';
import { DEVELOPER_POSTING } from '../factories/attempts';
import { scheduleInterview } from '../factories/interviews';
import { createStaff } from '../factories/staff';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { staffPage, type UiLang } from '../support/staff-browser';
import { ADMIN, loginAs } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
/** RUBRICON_SHOTS=<dir> saves a screenshot of each screen, to look at by eye. */
const SHOTS = process.env.RUBRICON_SHOTS;

type Staff = Awaited<ReturnType<typeof createStaff>>;

describeInBrowser('interview screens in Chromium', () => {
  const suite = useBrowserSuite();
  const pages: Page[] = [];
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
  });
  const staff = {} as { adminToken: string; hr: Staff; alice: Staff; outsider: Staff };
  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    staff.adminToken = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    staff.hr = await createStaff(suite.server.url, staff.adminToken, 'hr');
    staff.alice = await createStaff(suite.server.url, staff.adminToken, 'interviewer');
    staff.outsider = await createStaff(suite.server.url, staff.adminToken, 'interviewer');
  });

  const open = async (lang: UiLang, path: string, credentials: { email: string; password: string } = ADMIN) => {
    const page = await staffPage(suite.browser, suite.server.url, lang, credentials);
    pages.push(page);
    if (path) await page.goto(suite.server.url + path);
    return page;
  };
  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  const api = (token: string) => (method: 'get' | 'post' | 'patch', path: string) =>
    request(suite.server.url)[method](`/api${path}`).set('Authorization', `Bearer ${token}`);
  const detailOf = async (id: string): Promise<InterviewDetail> =>
    (await api(staff.adminToken)('get', `/interviews/${id}`).expect(200)).body;

  /**
   * Opens a searchable antd Select by its label, types `title` and picks that option. Typing first:
   * the list is virtual, and an option below the first screenful (19 seed postings, in an order that
   * can differ between runs) is not in the page until the list is filtered to it.
   */
  const choose = async (page: Page, label: string | RegExp, title: string) => {
    await page.getByLabel(label, { exact: typeof label === 'string' }).fill(title);
    await page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click();
    // Closed before the next Select opens, so its options are not taken for the next one's.
    await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
  };
  const fillSchedule = async (page: Page, lang: UiLang, candidate: { name: string; email: string }) => {
    const en = lang === 'en';
    await choose(page, en ? 'Posting' : '岗位', DEVELOPER_POSTING);
    await page.getByLabel(en ? 'Candidate name' : '候选人姓名').fill(candidate.name);
    await page.getByLabel(en ? 'Candidate email' : '候选人邮箱').fill(candidate.email);
    // The first two questions offered: the posting's assessment questions, or the bank's.
    await page.getByLabel(en ? 'Questions' : '题目', { exact: true }).click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    const titles = [await options.nth(0).getAttribute('title'), await options.nth(1).getAttribute('title')];
    await options.nth(0).click();
    await options.nth(1).click();
    await page.keyboard.press('Escape');
    return titles as string[];
  };

  it('HR schedules an interview in English and sees the candidate link once, then opens it', async () => {
    const page = await open('en', '/interviews', staff.hr);
    await page.getByRole('heading', { name: 'Live interviews', level: 1 }).waitFor();
    await shot(page, 'list-empty-en');
    await page.getByRole('button', { name: /Schedule interview$/ }).click();
    await page.waitForURL(/\/interviews\/new$/);
    const candidate = { name: 'Ada Lovelace', email: 'ada@example.com' };
    const titles = await fillSchedule(page, 'en', candidate);
    // The signed-in HR user sits on the panel by default, and the chosen questions keep their order.
    await expectText(page.locator('.ant-form-item').filter({ hasText: 'Panel' }), 'Test hr');
    expect(await page.getByTestId('chosen-questions').locator('li').allTextContents()).toEqual([
      expect.stringContaining(titles[0]),
      expect.stringContaining(titles[1]),
    ]);
    await page.getByRole('button', { name: `Move ${titles[1]} up` }).click();
    expect(await page.getByTestId('chosen-questions').locator('li').first().textContent()).toContain(titles[1]);
    await shot(page, 'schedule-en');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();

    const link = page.getByTestId('candidate-link');
    await expectText(link, '/live/');
    expect(await link.textContent()).toMatch(/\/live\/[A-Za-z0-9_-]{43}/);
    await page.getByText('it cannot be shown again').waitFor();
    await shot(page, 'schedule-link-en');
    await page.getByRole('button', { name: 'Open the interview' }).click();
    await page.getByRole('heading', { name: candidate.name, level: 1 }).waitFor();
    const id = page.url().split('/').pop()!;
    const detail = await detailOf(id);
    expect(detail.questions.map((q) => q.title.en || q.title.zh)).toEqual([titles[1], titles[0]]);
    expect(detail.panel.map((p) => p.id)).toEqual([staff.hr.id]);

    await page.getByRole('link', { name: 'Live interviews' }).first().click();
    const row = page.locator(`tr[data-interview-id="${id}"]`);
    await expectText(row, 'Scheduled');
    await expectText(row, DEVELOPER_POSTING);
    expect(await row.getByRole('link', { name: `Join room ${candidate.name}` }).getAttribute('href')).toBe(
      `/interviews/${id}/room`,
    );
    expect(await row.getByRole('link', { name: /^Replay/ }).count()).toBe(0);
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await shot(page, 'list-en');
  }, 180_000);

  it('shows an interviewer only the interviews on their panel, and the detail page in Chinese shows the questions', async () => {
    const scheduled = await scheduleInterview(suite.server.url, staff.adminToken, [staff.alice.id]);
    const { id } = scheduled.interview;

    const outsider = await open('en', '/interviews', staff.outsider);
    await outsider.getByRole('heading', { name: 'Live interviews', level: 1 }).waitFor();
    await outsider.getByText('No interviews match.').waitFor();
    expect(await outsider.locator(`tr[data-interview-id="${id}"]`).count()).toBe(0);
    await outsider.goto(`${suite.server.url}/interviews/${id}`);
    await expectText(outsider.getByRole('alert'), 'This interview could not be found, or you may not see it.');

    // HR sees every interview, but only the panel may join the room.
    const hr = await open(
      'en',
      `/interviews?search=${encodeURIComponent(scheduled.interview.candidate.name)}`,
      staff.hr,
    );
    const hrRow = hr.locator(`tr[data-interview-id="${id}"]`);
    await expectText(hrRow, 'Scheduled');
    expect(await hrRow.getByRole('link', { name: /^Join room/ }).count()).toBe(0);
    await hrRow.getByRole('link', { name: /^Open/ }).click();
    await hr.getByText('You are not on this panel, so you cannot join the room.').waitFor();
    expect(await hr.getByRole('button', { name: /Join room$/ }).count()).toBe(0);
    await shot(hr, 'detail-en');

    const alice = await open(
      'zh',
      `/interviews?search=${encodeURIComponent(scheduled.interview.candidate.name)}`,
      staff.alice,
    );
    const row = alice.locator(`tr[data-interview-id="${id}"]`);
    await expectText(row, '待开始');
    await row.getByRole('link', { name: `打开 ${scheduled.interview.candidate.name}` }).click();
    await alice.getByRole('heading', { name: '题目', level: 2 }).waitFor();
    const detail = await detailOf(id);
    const shown = await alice.getByTestId('interview-question-title').allTextContents();
    expect(shown).toEqual(detail.questions.map((q) => q.title.zh || q.title.en));
    await alice.getByRole('button', { name: /进入面试间$/ }).waitFor();
    // Unfolded, a question shows its rubric in Chinese.
    await alice.getByTestId('interview-question-title').first().click();
    await alice.getByRole('table', { name: '评分标准' }).first().waitFor();
    await alice.getByText('面试结束后才能与其他面试官共享笔记。').waitFor();
    // A new candidate link, after a confirmation, shown once; the old one no longer opens anything.
    await alice.getByRole('button', { name: /生成新的候选人链接$/ }).click();
    await alice
      .getByRole('tooltip')
      .getByRole('button', { name: /生成新的候选人链接$/ })
      .click();
    await expectText(alice.getByTestId('candidate-link'), '/live/');
    expect(await alice.getByTestId('candidate-link').textContent()).not.toContain(scheduled.link);
    await shot(alice, 'detail-zh');
  }, 180_000);

  it('shows a server refusal under its field in the page language (a panel member deactivated meanwhile)', async () => {
    const leaving = await createStaff(suite.server.url, staff.adminToken, 'interviewer');
    const page = await open('zh', '/interviews/new', staff.hr);
    await fillSchedule(page, 'zh', { name: '李雷', email: 'lilei@example.com' });
    await page.getByLabel('面试官', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(`Test interviewer <${leaving.email}>`).click();
    await page.keyboard.press('Escape');
    await api(staff.adminToken)('patch', `/users/${leaving.id}`).send({ active: false }).expect(200);

    await page.getByRole('button', { name: /^安 ?排$/ }).click();
    const panelItem = page.locator('.ant-form-item').filter({ hasText: '面试官' });
    await expectText(panelItem.locator('.ant-form-item-explain'), '所选面试官中有人的账号已停用；请重新选择面试官。');
    expect(await page.getByTestId('candidate-link').count()).toBe(0);
    await shot(page, 'schedule-refused-zh');
  }, 180_000);

  it('replays the code: scrubbing to a moment shows the code as it stood then', async () => {
    const adminId = (await api(staff.adminToken)('get', '/auth/me').expect(200)).body.id as string;
    const scheduled = await scheduleInterview(suite.server.url, staff.adminToken, [adminId, staff.alice.id]);
    const { id } = scheduled.interview;
    const replay: InterviewReplay = (await api(staff.adminToken)('get', `/interviews/${id}/replay`).expect(200)).body;
    const [first] = [...replay.questions].sort((a, b) => a.position - b.position);

    // The room's log as it would have written it: the candidate types in three bursts, 20 s apart.
    const t0 = Date.now() - 10 * 60_000;
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const parts = ['function solve(input) {\n', '  return input;\n', '}\n'];
    for (const part of parts) doc.getText(CODE_TEXT).insert(doc.getText(CODE_TEXT).length, part);
    const at = (i: number) => t0 + 5_000 + i * 20_000;
    const source = suite.server.app.get(DataSource);
    await source.getRepository(InterviewUpdateEntity).insert(
      updates.map((update, i) => ({
        interviewId: id,
        questionId: first.id,
        seq: i + 1,
        at: at(i),
        author: 'candidate',
        update,
      })),
    );
    await source.getRepository(InterviewEventEntity).insert([
      { interviewId: id, at: t0, kind: 'start', actor: adminId, questionId: null, detail: null },
      { interviewId: id, at: t0 + 1_000, kind: 'join', actor: 'candidate', questionId: null, detail: null },
      { interviewId: id, at: t0 + 2_000, kind: 'reveal', actor: adminId, questionId: first.id, detail: null },
      {
        interviewId: id,
        at: t0 + 50_000,
        kind: 'run',
        actor: 'candidate',
        questionId: first.id,
        detail: {
          runId: 'run-1',
          questionId: first.id,
          by: 'candidate',
          language: 'typescript',
          result: {
            mode: 'visible',
            verdict: 'failed',
            tests: [
              { verdict: 'passed', passed: true, durationMs: 3 },
              { verdict: 'failed', passed: false, durationMs: 2 },
            ],
          },
        },
      },
      { interviewId: id, at: t0 + 80_000, kind: 'leave', actor: 'candidate', questionId: null, detail: null },
      { interviewId: id, at: t0 + 90_000, kind: 'end', actor: adminId, questionId: null, detail: null },
    ]);
    // Alice shared her notes; the administrator's own stay private until they share them.
    await source.getRepository(InterviewNoteEntity).insert([
      {
        interviewId: id,
        userId: staff.alice.id,
        body: '**Strong** on edge cases',
        shared: true,
        updatedAt: new Date(),
      },
      { interviewId: id, userId: adminId, body: 'Asked about *complexity*', shared: false, updatedAt: new Date() },
    ]);
    await source
      .getRepository(InterviewEntity)
      .update(id, { status: 'ended', startedAt: new Date(t0), endedAt: new Date(t0 + 90_000) });

    const page = await open('en', `/interviews/${id}/replay`);
    const code = page.getByTestId('replay-code');
    await code.waitFor();
    await page.getByTestId('code-editor').waitFor();
    expect(await code.getAttribute('data-code')).toBe('');
    expect(await page.getByTestId('replay-elapsed').textContent()).toBe('00:00');

    // Seek with the keyboard on the slider: End is the last moment, with all the code.
    const slider = page.getByRole('slider', { name: 'Replay position' });
    await slider.focus();
    await page.keyboard.press('End');
    await expectAttribute(code, 'data-code', parts.join(''));
    expect(await page.getByTestId('replay-elapsed').textContent()).toBe('01:30');
    const events = page.getByTestId('replay-event');
    await expectText(events.last(), 'Interview ended');
    await expectText(events.filter({ hasText: 'Ran the code' }), '1 of 2 examples passed');
    await expectText(events.filter({ hasText: 'Left' }), 'Interviewee');
    // The Monaco editor shows it, read-only.
    await expectText(page.getByTestId('code-editor'), 'solve(input)');

    // An event in the list seeks to it: at the reveal nothing is typed yet.
    await page.getByRole('button', { name: '00:02' }).click();
    await expectAttribute(code, 'data-code', '');
    await expectText(page.locator('[data-testid="replay-event"]:not([data-upcoming])').last(), 'Revealed');

    // Playing at 8× with idle skipped reaches the second burst within a few seconds of real time.
    await page.getByText('8×').click();
    await page.getByRole('button', { name: /Play$/ }).click();
    await expectAttribute(code, 'data-code', parts[0] + parts[1]);
    await shot(page, 'replay-en');

    const zh = await open('zh', `/interviews/${id}/replay`);
    await zh.getByRole('slider', { name: '回放位置' }).focus();
    await zh.keyboard.press('End');
    await expectAttribute(zh.getByTestId('replay-code'), 'data-code', parts.join(''));
    await expectText(zh.getByTestId('replay-event').last(), '面试结束');
    await shot(zh, 'replay-zh');
    const detailZh = await open('zh', `/interviews/${id}`);
    await detailZh.getByRole('button', { name: /回 ?放$/ }).waitFor();
    await expectText(detailZh.getByTestId('shared-note'), 'Strong on edge cases');
    expect(await detailZh.getByTestId('shared-note').locator('strong').textContent()).toBe('Strong');
    await expectText(detailZh.getByTestId('my-note'), 'Asked about complexity');
    await detailZh.getByRole('switch').click();
    await detailZh.getByText('您的笔记已与面试官共享。').waitFor();
    expect((await detailOf(id)).notes.find((n) => n.authorId === adminId)?.shared).toBe(true);
    await shot(detailZh, 'detail-ended-zh');
    const list = await open('zh', '/interviews?status=ended');
    await expectText(list.locator(`tr[data-interview-id="${id}"]`), '已结束');
    await list.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await shot(list, 'list-zh');
  }, 180_000);
});

/** Waits until the element shows the text (answers arrive asynchronously), then asserts it. */
async function expectText(locator: Locator, text: string) {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
  expect(await locator.first().textContent()).toContain(text);
}

async function expectAttribute(locator: Locator, name: string, value: string) {
  const deadline = Date.now() + 30_000;
  while ((await locator.getAttribute(name)) !== value && Date.now() < deadline) await sleep(100);
  expect(await locator.getAttribute(name)).toBe(value);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
