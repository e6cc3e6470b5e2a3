import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { AssessmentView, AttemptSummary, MailMessageView, ReminderSettings } from '@rubricon/contracts';
import type { Browser, Locator, Page } from 'playwright-core';
import { MAIL_OFF } from '../../apps/api/src/config';
import { DEVELOPER_POSTING, invite, publishedAssessment } from '../factories/attempts';
import { submittedAttempt } from '../factories/scoring';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { ADMIN, loginAs } from '../support/test-app';
import { until } from '../support/until';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
jest.setTimeout(180_000);
/** RUBRICON_SHOTS=<dir> saves a screenshot of each screen, to look at by eye. */
const SHOTS = process.env.RUBRICON_SHOTS;
type Lang = 'en' | 'zh';

/** Serious and critical axe findings, as "rule: target" lines (empty when clean). */
async function axeProblems(page: Page, include?: string): Promise<string[]> {
  // Measured at rest: a button the pointer still hovers (or one still fading its click) shows antd's
  // lighter hover colour, which is not what the page looks like.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(400);
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

/** Waits until the element shows the text (answers arrive asynchronously). */
async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

/** A signed-in staff page in `lang` at `path` on `url`: the token and language as the app keeps them. */
async function openPage(browser: Browser, url: string, token: string, path: string, lang: Lang): Promise<Page> {
  const context = await browser.newContext({
    locale: lang === 'zh' ? 'zh-CN' : 'en-US',
    viewport: { width: 1366, height: 900 },
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript(
    ([t, l]) => {
      localStorage.setItem('rubricon.token', t);
      if (!localStorage.getItem('rubricon.lang')) localStorage.setItem('rubricon.lang', l);
    },
    [token, lang],
  );
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(url + path);
  return page;
}

/** HR's mail screens against a real SMTP server: statuses on the rows, the message list, reminders, the explanation. */
describeInBrowser('mail to candidates in the staff app, in Chromium', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    smtp = await startSmtp();
  });
  // Mail on, through the test SMTP server, with a quick worker (a pass every 100 ms, retries from 200 ms).
  const suite = useBrowserSuite(() => ({
    mail: { ...MAIL_OFF, smtpUrl: smtp.url, from: 'Acme Recruiting <jobs@acme.test>', pollMs: 100, retryBaseMs: 200 },
  }));
  afterAll(async () => {
    await smtp?.close();
  });
  const pages: Page[] = [];
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
  });

  let token: string;
  let assessment: AssessmentView;
  beforeAll(async () => {
    token = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    assessment = await publishedAssessment(suite.server.url, token, DEVELOPER_POSTING);
  });

  const open = async (path: string, lang: Lang) => {
    const page = await openPage(suite.browser, suite.server.url, token, path, lang);
    pages.push(page);
    return page;
  };
  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  /** The screen around `locator`, for a card on a long page. */
  const shotAround = async (locator: Locator, name: string) => {
    await locator.scrollIntoViewIfNeeded();
    if (SHOTS) await locator.page().screenshot({ path: join(SHOTS, `${name}.png`) });
  };
  const hr = (method: 'get' | 'post' | 'put', path: string) =>
    request(suite.server.url)[method](path).set('Authorization', `Bearer ${token}`);
  const row = (page: Page, name: string) => page.getByTestId('attempt-row').filter({ hasText: name });
  const stamp = Date.now();
  const delivered = { name: 'Ada Mailed', email: `ada-${stamp}@example.com` };
  const refused = { name: 'Bo Refused', email: `bo-${stamp}@example.com` };

  it('invites two candidates in English from the rows form; one mail is sent, the refused one fails with the reason on its row', async () => {
    smtp.refuse.add(refused.email);
    const page = await open(`/assessments/${assessment.id}/attempts`, 'en');
    await expectText(page.getByTestId('mail-notice'), 'Invitations are emailed from Acme Recruiting <jobs@acme.test>');
    await page.getByRole('radiogroup', { name: 'Mail language' }).getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Add a row' }).click();
    await page.getByLabel('Name (row 1)').fill(delivered.name);
    await page.getByLabel('Email (row 1)').fill(delivered.email);
    await page.getByLabel('Name (row 2)').fill(refused.name);
    await page.getByLabel('Email (row 2)').fill(refused.email);
    await shot(page, 'mail-invite-form-en');
    expect(await axeProblems(page, 'section[aria-labelledby="invite-title"]')).toEqual([]);
    await page.getByRole('button', { name: /Create links$/ }).click();

    // The links are still shown once, each with its mail's delivery.
    const links = page.getByRole('region', { name: 'New links (shown once)' });
    await links.getByLabel(`Link for ${delivered.name}`).waitFor();
    await expectText(links, 'Rubricon emails each link to its candidate');
    // Followed through its row: each link's own mail, the refused one's failure under that link only.
    const newLink = (name: string) => links.getByTestId('new-link').filter({ hasText: name });
    await newLink(delivered.name).locator('[data-testid="mail-status"][data-state="sent"]').waitFor();
    await newLink(refused.name).locator('[data-testid="mail-status"][data-state="failed"]').waitFor();
    expect(await newLink(delivered.name).getByTestId('mail-failure').count()).toBe(0);

    // The rows: Sent, and Failed with the server's reason written out (not only in a tooltip).
    const sent = row(page, delivered.name).getByTestId('mail-cell');
    await sent.locator('[data-state="sent"]').waitFor();
    await expectText(sent, 'Sent');
    await expectText(sent, 'English');
    await expectText(sent, 'Invitation');
    const failed = row(page, refused.name).getByTestId('mail-cell');
    await failed.locator('[data-state="failed"]').waitFor();
    await expectText(failed, 'Failed');
    const reason = failed.getByTestId('mail-failure');
    expect(await reason.isVisible()).toBe(true);
    expect(await reason.textContent()).toMatch(/^550 .*no such user/);

    // What arrived is in English, as chosen.
    const [mail] = await smtp.waitFor(1, 15_000, (m) => m.envelope.rcptTo.includes(delivered.email));
    expect(mail.subject).toMatch(/^Invitation: 开发工程师 assessment/);
    expect(mail.text).toContain('Hello Ada Mailed,');
    expect(smtp.to(refused.email)).toEqual([]);
    const rows: AttemptSummary[] = (await hr('get', `/api/assessments/${assessment.id}/attempts`).expect(200)).body;
    expect(rows.filter((r) => r.candidate.email.endsWith(`-${stamp}@example.com`)).map((r) => r.mailLang)).toEqual([
      'en',
      'en',
    ]);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await shot(page, 'mail-attempts-en');
    expect(await axeProblems(page)).toEqual([]);

    await page.getByTestId('lang-toggle').getByText('中文', { exact: true }).click();
    await expectText(row(page, delivered.name).getByTestId('mail-cell'), '已发送');
    await expectText(row(page, refused.name).getByTestId('mail-cell'), '发送失败');
    await expectText(row(page, delivered.name).getByTestId('mail-cell'), '测评邀请');
    await expectText(page.getByTestId('mail-notice'), '邀请邮件由 Acme Recruiting <jobs@acme.test> 发出');
    await shot(page, 'mail-attempts-zh');
  });

  it('lists the attempt’s mail on its page; a failed invitation is sent again, a sent one needs a new link', async () => {
    const page = await open(`/assessments/${assessment.id}/attempts`, 'en');
    await row(page, refused.name).getByRole('link', { name: refused.name }).click();
    const list = page.getByRole('region', { name: 'Mail to the candidate' });
    const first = list.getByTestId('mail-row');
    await first.first().waitFor();
    expect(await first.count()).toBe(1);
    await expectText(first, 'Invitation');
    await expectText(first, 'English');
    await expectText(first, 'Tries: 1');
    await expectText(first, `To ${refused.email}`);
    await expectText(first.getByTestId('mail-failure'), 'no such user');

    // Still refused when sent again: a second message, failed too.
    await first.getByRole('button', { name: 'Send again' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Send again' }).click();
    await page.getByText(`Queued again for ${refused.email}.`).waitFor();
    await until(async () => ((await list.getByTestId('mail-row').count()) === 2 ? true : undefined));
    await list.getByTestId('mail-row').first().locator('[data-state="failed"]').waitFor();
    await shot(page, 'mail-attempt-failed-en');

    // The delivered candidate: the sent invitation no longer holds its link, so "again" is a new link.
    await page.goto(`${suite.server.url}/assessments/${assessment.id}/attempts`);
    await row(page, delivered.name).getByRole('link', { name: delivered.name }).click();
    const sentRow = list.getByTestId('mail-row').first();
    await sentRow.locator('[data-state="sent"]').waitFor();
    await expectText(sentRow, 'Sent ');
    expect(await sentRow.getByRole('button', { name: 'Send again' }).count()).toBe(0);
    await shot(page, 'mail-attempt-en');
    expect(await axeProblems(page, 'section[aria-labelledby]:has([data-testid="mail-row"])')).toEqual([]);
    await sentRow.getByRole('button', { name: 'Send a new link' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /Send a new link$/ })
      .click();
    await page.getByText(`A new link is on its way to ${delivered.email}.`).waitFor();
    const link = await page.getByLabel(`Link for ${delivered.name}`).inputValue();
    expect(link).toMatch(/\/take\/.+/);
    await until(async () => ((await list.getByTestId('mail-row').count()) === 2 ? true : undefined));
    const newest = list.getByTestId('mail-row').first();
    expect(await newest.getAttribute('data-kind')).toBe('new-link');
    await newest.locator('[data-state="sent"]').waitFor();
    const arrived = await smtp.waitFor(2, 15_000, (m) => m.envelope.rcptTo.includes(delivered.email));
    expect(arrived[1].text).toContain(link.split('/take/')[1]);

    await page.getByTestId('lang-toggle').getByText('中文', { exact: true }).click();
    const zhList = page.getByRole('region', { name: '发给候选人的邮件' });
    await expectText(zhList.getByTestId('mail-row').first(), '新链接');
    await expectText(zhList.getByTestId('mail-row').first(), '已发送');
    await expectText(zhList.getByTestId('mail-row').first(), '尝试次数：1');
    await shot(page, 'mail-attempt-zh');
  });

  it('saves an assessment’s reminders from its page, in English and in Chinese', async () => {
    const page = await open(`/assessments/${assessment.id}`, 'en');
    const card = page.getByRole('region', { name: 'Reminders' });
    await card.getByRole('switch', { name: 'Before the invitation expires' }).waitFor();
    expect(await card.getByLabel('Hours before the invitation expires').isDisabled()).toBe(true);
    expect(await card.getByText('Mail is not set up').count()).toBe(0);
    await card.getByRole('switch', { name: 'Before the invitation expires' }).click();
    await card.getByLabel('Hours before the invitation expires').fill('48');
    await card.getByRole('switch', { name: 'Before the time runs out' }).click();
    await card.getByLabel('Minutes before the time runs out').fill('20');
    await shotAround(card, 'mail-reminders-en');
    expect(await axeProblems(page, '[data-testid="reminders"]')).toEqual([]);
    await card.getByRole('button', { name: /Save$/ }).click();
    await page.getByText('Reminders saved.').waitFor();
    const saved: ReminderSettings = (await hr('get', `/api/assessments/${assessment.id}/reminders`).expect(200)).body;
    expect(saved).toEqual({ beforeExpiryHours: 48, beforeDeadlineMinutes: 20 });

    // A reminder switched on needs its number; turning one off saves null.
    await card.getByLabel('Minutes before the time runs out').fill('');
    await card.getByRole('button', { name: /Save$/ }).click();
    await expectText(card, 'A whole number from 1 to 1440.');
    await card.getByRole('switch', { name: 'Before the time runs out' }).click();
    await card.getByRole('button', { name: /Save$/ }).click();
    await until(async () => {
      const now: ReminderSettings = (await hr('get', `/api/assessments/${assessment.id}/reminders`).expect(200)).body;
      return now.beforeDeadlineMinutes === null ? now : undefined;
    });

    await page.getByTestId('lang-toggle').getByText('中文', { exact: true }).click();
    await page.reload();
    const zh = page.getByRole('region', { name: '提醒' });
    expect(await zh.getByLabel('邀请过期前的小时数').inputValue()).toBe('48');
    expect(await zh.getByRole('switch', { name: '作答截止前提醒' }).getAttribute('aria-checked')).toBe('false');
    await shotAround(zh, 'mail-reminders-zh');
  });

  it('shows the invite form in Chinese with its mail language choice and the CSV language column', async () => {
    const page = await open(`/assessments/${assessment.id}/attempts`, 'zh');
    await expectText(page.getByTestId('mail-notice'), '邀请邮件由 Acme Recruiting <jobs@acme.test> 发出');
    const group = page.getByRole('radiogroup', { name: '邮件语言' });
    await expectText(group, '测评默认（中文）');
    await expectText(page.locator('section[aria-labelledby="invite-title"]'), '可选的 language 列');
    // A CSV line in English, another without a language: it takes the choice (中文).
    await group.getByText('中文', { exact: true }).click();
    const csv = `name,email,language\nCsv English,csv-en-${stamp}@example.com,en\nCsv Chinese,csv-zh-${stamp}@example.com,\n`;
    await page.locator('input[type=file]').setInputFiles({
      name: 'candidates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByLabel('Csv English 的链接').waitFor();
    await row(page, 'Csv English').getByTestId('mail-cell').locator('[data-state="sent"]').waitFor();
    await expectText(row(page, 'Csv English').getByTestId('mail-lang'), 'English');
    await expectText(row(page, 'Csv Chinese').getByTestId('mail-lang'), '中文');
    const [en] = await smtp.waitFor(1, 15_000, (m) => m.envelope.rcptTo.includes(`csv-en-${stamp}@example.com`));
    const [zh] = await smtp.waitFor(1, 15_000, (m) => m.envelope.rcptTo.includes(`csv-zh-${stamp}@example.com`));
    expect(en.subject).toMatch(/^Invitation: /);
    expect(zh.subject).toMatch(/^测评邀请：/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'mail-invite-form-zh');
  });

  it('schedules an interview whose candidate mail is in English, says the link is emailed, and lists the mail on the interview', async () => {
    const page = await open('/interviews/new', 'en');
    await page.getByLabel('Posting').fill(DEVELOPER_POSTING);
    await page.locator('.ant-select-dropdown:visible').getByTitle(DEVELOPER_POSTING, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
    const candidate = { name: 'Ida Interview', email: `ida-${stamp}@example.com` };
    await page.getByLabel('Candidate name').fill(candidate.name);
    await page.getByLabel('Candidate email').fill(candidate.email);
    await page.getByLabel('Questions', { exact: true }).click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    await options.nth(0).click();
    await page.keyboard.press('Escape');
    const langItem = page.locator('.ant-form-item').filter({ hasText: 'Candidate’s mail language' });
    await langItem.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();

    const notice = page.getByTestId('link-mail');
    await expectText(notice, `Rubricon emails this link with a calendar invitation to ${candidate.email}.`);
    await notice.locator('[data-testid="mail-status"][data-state="sent"]').waitFor();
    await page.getByTestId('candidate-link').waitFor();
    await shot(page, 'mail-interview-link-en');
    const [mail] = await smtp.waitFor(1, 15_000, (m) => m.envelope.rcptTo.includes(candidate.email));
    expect(mail.subject).toMatch(/^Interview invitation: /);

    await page.getByRole('button', { name: 'Open the interview' }).click();
    await page.getByRole('heading', { name: candidate.name, level: 1 }).waitFor();
    const list = page.getByRole('region', { name: 'Mail to the candidate' });
    const row = list.getByTestId('mail-row');
    await row.first().locator('[data-state="sent"]').waitFor();
    await expectText(row, 'Interview invitation');
    await expectText(row, 'English');
    await expectText(page.locator('.ant-descriptions'), 'English');
    await shot(page, 'mail-interview-en');
    expect(await axeProblems(page, 'section[aria-labelledby]:has([data-testid="mail-row"])')).toEqual([]);
  });

  it('emails a candidate the explanation of their result in the language shown, after naming the address', async () => {
    const [link] = await invite(suite.server.url, token, assessment.id, 1);
    const { attemptId } = await submittedAttempt(suite.server.url, link);
    const detail = (await hr('get', `/api/attempts/${attemptId}`).expect(200)).body as AttemptSummary;
    const page = await open(`/scorecards/${assessment.postingId}/${detail.candidate.id}/explanation`, 'en');
    await page.getByTestId('explanation-text').waitFor();
    await page.getByText('Email it to the candidate in the language shown').waitFor();
    await page.locator('.sc-print-root .ant-segmented').getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Email to candidate' }).click();
    await expectText(page.getByRole('tooltip'), `Email the English explanation to ${link.candidate.email}?`);
    await shot(page, 'mail-explanation-confirm-en');
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /Email to candidate$/ })
      .click();
    await page.getByText(`The explanation is queued for ${link.candidate.email}.`).waitFor();
    const list = page.getByRole('region', { name: 'Explanations emailed' });
    await list.getByTestId('mail-row').locator('[data-state="sent"]').waitFor();
    const [mail] = await smtp.waitFor(
      1,
      15_000,
      (m) => m.envelope.rcptTo.includes(link.candidate.email) && m.subject.includes('result was reached'),
    );
    expect(mail.subject).toMatch(/^How your /);
    const messages: MailMessageView[] = (await hr('get', `/api/mail?candidateId=${detail.candidate.id}`).expect(200))
      .body;
    expect(messages.filter((m) => m.kind === 'explanation').map((m) => m.lang)).toEqual(['en']);
    await shot(page, 'mail-explanation-en');
  });
});

/** The same screens on a server without mail: HR is told plainly to send links by hand. */
describeInBrowser('the staff app without mail, in Chromium', () => {
  const suite = useBrowserSuite();
  let token: string;
  let assessment: AssessmentView;
  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    token = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    assessment = await publishedAssessment(suite.server.url, token, '开发工程师');
  });

  it('says on the invite form that nobody is emailed and links go by hand, with no mail column or language choice', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const page = await openPage(
        suite.browser,
        suite.server.url,
        token,
        `/assessments/${assessment.id}/attempts`,
        lang,
      );
      const notice = page.getByTestId('mail-notice');
      if (lang === 'en') {
        await expectText(notice, 'Rubricon does not email anyone on this server');
        await expectText(notice, 'copy each new link below and send it to the candidate yourself');
      } else {
        await expectText(notice, '本服务器上 Rubricon 不发送任何邮件');
        await expectText(notice, '请复制下方的每个新链接，自行发送给候选人');
      }
      expect(await page.getByRole('radiogroup', { name: lang === 'en' ? 'Mail language' : '邮件语言' }).count()).toBe(
        0,
      );
      await page.getByLabel(lang === 'en' ? 'Name' : '姓名', { exact: true }).fill(`By Hand ${lang}`);
      await page
        .getByLabel(lang === 'en' ? 'Email' : '邮箱', { exact: true })
        .fill(`by-hand-${lang}-${Date.now()}@example.com`);
      await page.getByRole('button', { name: lang === 'en' ? /Create links$/ : /(^| )生成链接$/ }).click();
      await page.getByLabel(lang === 'en' ? `Link for By Hand ${lang}` : `By Hand ${lang} 的链接`).waitFor();
      await row(page, `By Hand ${lang}`).waitFor();
      expect(await page.getByRole('columnheader', { name: lang === 'en' ? 'Mail' : '邮件' }).count()).toBe(0);
      expect(await page.getByTestId('new-link-mail').count()).toBe(0);
      await shot(page, `mail-off-invite-${lang}`);
      if (lang === 'en') expect(await axeProblems(page)).toEqual([]);

      // Reminders can be set, but the card says they need mail.
      await page.goto(`${suite.server.url}/assessments/${assessment.id}`);
      await expectText(
        page.getByRole('region', { name: lang === 'en' ? 'Reminders' : '提醒' }),
        lang === 'en'
          ? 'Mail is not set up on this server, so no reminder is sent'
          : '本服务器未配置邮件发送，因此不会发送提醒',
      );
      const reminders = page.getByRole('region', { name: lang === 'en' ? 'Reminders' : '提醒' });
      await reminders.scrollIntoViewIfNeeded();
      if (SHOTS) await page.screenshot({ path: join(SHOTS, `mail-off-reminders-${lang}.png`) });
      await page.context().close();
    }
  });

  const row = (page: Page, name: string) => page.getByTestId('attempt-row').filter({ hasText: name });
  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
});
