import type { Page } from 'playwright-core';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { ADMIN } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser('web app in Chromium', () => {
  const suite = useBrowserSuite();
  let page: Page;

  beforeEach(async () => {
    page = await (await suite.browser.newContext({ locale: 'en-US' })).newPage();
  });

  async function signIn(password = ADMIN.password) {
    await page.goto(suite.server.url);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('shows a wrong password as a message, not a crash', async () => {
    await signIn('wrong-password-1');
    await expectText(page.getByRole('alert'), 'Wrong email or password.');
  });

  it('signs in, lists the seed postings, opens one and switches to Chinese', async () => {
    await signIn();
    await page.getByRole('list', { name: 'Postings' }).waitFor();
    await expectText(page.getByText(/19 postings/), '19 postings');

    await page.getByLabel('Search titles').fill('架构规划');
    await page.getByRole('link', { name: '架构规划' }).click();
    await page.getByRole('heading', { name: '架构规划' }).waitFor();
    const duties = await page.getByRole('list', { name: 'Duties' }).locator('li').allTextContents();
    expect(duties.length).toBeGreaterThan(2);
    expect(duties.join('')).not.toMatch(/<\/?[a-z]+>/);

    await page.getByTestId('lang-toggle').click();
    await page.getByRole('heading', { name: '工作职责' }).waitFor();
    await page.getByText('返回岗位列表').click();
    await page.getByText('共 19 个岗位').waitFor();
  });
});

async function expectText(locator: ReturnType<Page['getByText']>, text: string) {
  await locator.waitFor();
  expect(await locator.textContent()).toContain(text);
}
