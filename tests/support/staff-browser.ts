import type { Browser, Page } from 'playwright-core';
import { ADMIN } from './test-app';

export type UiLang = 'en' | 'zh';

/** A fresh browser context whose interface language is `lang` (the app keeps it in localStorage). */
export async function newStaffPage(browser: Browser, url: string, lang: UiLang): Promise<Page> {
  const context = await browser.newContext({
    locale: lang === 'zh' ? 'zh-CN' : 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript((value) => {
    if (!localStorage.getItem('rubricon.lang')) localStorage.setItem('rubricon.lang', value);
  }, lang);
  const page = await context.newPage();
  // Generous: the browser suites run side by side on a small shared machine.
  page.setDefaultTimeout(60_000);
  await page.goto(url + '/login');
  return page;
}

/** Signs in through the sign-in form, in either language, and waits for the staff frame. */
export async function signInThroughUi(
  page: Page,
  credentials: { email: string; password: string } = ADMIN,
): Promise<void> {
  await page.getByLabel(/^(Email|邮箱)$/).fill(credentials.email);
  await page.getByLabel(/^(Password|密码)$/).fill(credentials.password);
  await page.getByRole('button', { name: /^(Sign in|登 ?录)$/ }).click();
  await page.getByRole('navigation', { name: /^(Main navigation|主导航)$/ }).waitFor();
}

/** A signed-in staff page in `lang`. */
export async function staffPage(
  browser: Browser,
  url: string,
  lang: UiLang,
  credentials: { email: string; password: string } = ADMIN,
): Promise<Page> {
  const page = await newStaffPage(browser, url, lang);
  await signInThroughUi(page, credentials);
  return page;
}

/** Switches the interface language with the switch in the page's header (or on the sign-in card). */
export async function switchLanguage(page: Page, lang: UiLang): Promise<void> {
  await page
    .getByTestId('lang-toggle')
    .getByText(lang === 'zh' ? '中文' : 'English', { exact: true })
    .click();
}
