import request from 'supertest';
import type { Page } from 'playwright-core';
import { createStaff } from '../factories/staff';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { staffPage, switchLanguage } from '../support/staff-browser';
import { ADMIN, loginAs } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser('audit log in Chromium', () => {
  // Each test walks several screens in a real browser on a busy 2-core machine.
  jest.setTimeout(120_000);
  const suite = useBrowserSuite();
  const pages: Page[] = [];
  const track = (page: Page) => (pages.push(page), page);
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
  });

  it('shows a role changed on the users page, with who, from where and what, in English and Chinese', async () => {
    const adminToken = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    const user = await createStaff(suite.server.url, adminToken, 'interviewer');
    const page = track(await staffPage(suite.browser, suite.server.url, 'en'));

    await page.goto(suite.server.url + '/users');
    const userRow = page.getByRole('row', { name: new RegExp(user.email) });
    await userRow.getByLabel('Change role: Test interviewer').click();
    await page.locator('.ant-select-dropdown').getByTitle('HR', { exact: true }).click();
    await page.getByText('Saved.').waitFor();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    expect(await page.title()).toBe('Audit log · Rubricon');

    // Only role changes: typed into the (virtual) list first, then picked.
    const actions = page.getByRole('combobox', { name: 'Actions' });
    await actions.fill('Role changed');
    await page.locator('.ant-select-dropdown').getByTitle('Role changed', { exact: true }).click();
    await actions.press('Escape');
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await page.getByText('Total: 1').waitFor();
    expect(new URL(page.url()).searchParams.get('action')).toBe('user.role');

    const row = page.getByTestId('audit-row');
    await row.getByText('Role changed').waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Administrator');
    expect(text).toContain(ADMIN.email);
    expect(text).toContain('Role: Interviewer → HR');
    expect(text).toMatch(/127\.0\.0\.1/);
    expect(text).toContain(user.id.slice(0, 8));
    expect(text).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}/); // the time, month named

    await switchLanguage(page, 'zh');
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    await row.getByText('更改角色').waitFor();
    const zh = (await row.textContent()) ?? '';
    expect(zh).toContain('角色：面试官 → HR');
    expect(zh).toContain('管理员');
    expect(zh).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    await page.getByText('共 1 条').waitFor();
  });

  it('lets HR search the log and narrow it to one person; interviewers do not see it', async () => {
    const adminToken = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    const hr = await createStaff(suite.server.url, adminToken, 'hr');
    const interviewer = await createStaff(suite.server.url, adminToken, 'interviewer');
    await request(suite.server.url)
      .patch(`/api/users/${interviewer.id}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ active: false })
      .expect(200);

    const page = track(await staffPage(suite.browser, suite.server.url, 'zh', hr));
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    await page.getByLabel('搜索对象 ID 或邮箱').fill(interviewer.id);
    await page.getByLabel('搜索对象 ID 或邮箱').press('Enter');
    await page.getByText('共 2 条').waitFor();
    // Both fall in one second here (SQLite keeps seconds), so their order is not asserted.
    const actions = await page.getByTestId('audit-action').allTextContents();
    expect(actions.sort()).toEqual(['创建用户', '停用用户'].sort());
    await page.getByTestId('audit-row').filter({ hasText: '停用用户' }).getByText('启用：是 → 否').waitFor();

    // The actor's name narrows the log to what they did.
    await page.getByTestId('audit-row').first().getByRole('button', { name: 'Administrator' }).click();
    await until(page, () => new URL(page.url()).searchParams.has('actor'));
    await page.getByText('共 2 条').waitFor();

    const viewer = await createStaff(suite.server.url, adminToken, 'interviewer');
    const other = track(await staffPage(suite.browser, suite.server.url, 'en', viewer));
    await other.getByRole('heading', { name: 'Postings', level: 1 }).waitFor();
    const nav = other.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await other.goto(suite.server.url + '/audit');
    await other.getByText('Your role (Interviewer) cannot use this page.').waitFor();
  });
});

async function until(page: Page, check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await page.waitForTimeout(100);
  expect(check()).toBe(true);
}
