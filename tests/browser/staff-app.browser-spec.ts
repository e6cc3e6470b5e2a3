import request from 'supertest';
import type { Page } from 'playwright-core';
import type { StaffUser } from '@rubricon/contracts';
import { createStaff } from '../factories/staff';
import { chromiumAvailable, useBrowserSuite } from '../support/browser';
import { newStaffPage, staffPage, switchLanguage } from '../support/staff-browser';
import { until } from '../support/until';
import { ADMIN, loginAs } from '../support/test-app';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser('staff app in Chromium', () => {
  // Each test walks several screens in a real browser on a busy 2-core machine.
  jest.setTimeout(120_000);
  const suite = useBrowserSuite();
  const pages: Page[] = [];
  const track = (page: Page) => (pages.push(page), page);
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
  });
  const adminToken = () => loginAs(suite.server.url, ADMIN.email, ADMIN.password);

  it('words a wrong password in the chosen language, with the switch on the sign-in page', async () => {
    const page = track(await newStaffPage(suite.browser, suite.server.url, 'en'));
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('wrong-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByRole('alert'), 'Wrong email or password.');

    await switchLanguage(page, 'zh');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByRole('button', { name: /^登 ?录$/ }).click();
    await expectText(page.getByRole('alert'), '邮箱或密码错误。');
    expect(await page.getByRole('alert').textContent()).not.toMatch(/[A-Za-z]{3}/);
  });

  it('lists the seed postings, searches, opens one and switches to Chinese', async () => {
    const page = track(await staffPage(suite.browser, suite.server.url, 'en'));
    await page.getByText('Total: 19').waitFor();
    await page.getByLabel('Search titles').fill('架构规划');
    await page.getByLabel('Search titles').press('Enter');
    await page.getByText('Total: 1').waitFor();
    await page.getByRole('link', { name: '架构规划' }).click();
    await page.getByRole('heading', { name: '架构规划', level: 1 }).waitFor();
    expect(await page.title()).toBe('架构规划 · Rubricon');
    const duties = await page.getByRole('list', { name: 'Duties' }).locator('li').allTextContents();
    expect(duties.length).toBeGreaterThan(2);
    expect(duties.join('')).not.toMatch(/<\/?[a-z]+>/);
    // Dates follow the interface language: an English page names the month, never 02/12/2026.
    const created = await page.locator('.ant-descriptions-item', { hasText: 'Created' }).textContent();
    expect(created).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}/);

    await switchLanguage(page, 'zh');
    await page.getByRole('heading', { name: '工作职责' }).waitFor();
    expect(await page.locator('.ant-descriptions-item', { hasText: '创建时间' }).textContent()).toMatch(
      /\d{4}年\d{1,2}月\d{1,2}日/,
    );
    await page.getByText('返回岗位列表').click();
    await page.getByText('共 19 条').waitFor();
  });

  it('reaches every staff function from the navigation as an admin', async () => {
    const page = track(await staffPage(suite.browser, suite.server.url, 'en'));
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const [link, heading] of [
      ['Assessments', 'Assessments'],
      ['Candidates', 'Candidates'],
      ['Live interviews', 'Live interviews'],
      ['My reviews', 'My reviews'],
      ['Scorecards', 'Scorecards'],
      ['Users', 'Users'],
      ['Postings', 'Postings'],
    ] as const) {
      await nav.getByRole('link', { name: new RegExp(`^${link}`) }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    }
  });

  it('shows an interviewer only what the role can use', async () => {
    const interviewer = await createStaff(suite.server.url, await adminToken(), 'interviewer');
    const page = track(await staffPage(suite.browser, suite.server.url, 'zh', interviewer));
    const nav = page.getByRole('navigation', { name: '主导航' });
    await page.getByRole('heading', { name: '招聘岗位', level: 1 }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['招聘岗位', '在线面试', '我的评分']);
    expect(await page.getByRole('button', { name: '导入岗位' }).count()).toBe(0);
    await page.getByRole('link', { name: '开发工程师' }).click();
    await page.getByRole('heading', { name: '开发工程师', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: /生成测评|编 ?辑|删除岗位/ }).count()).toBe(0);
    // A typed address is answered with a plain statement, not a refusal from the API.
    await page.goto(suite.server.url + '/users');
    await page.getByText('您的角色（面试官）不能使用此页面。').waitFor();
  });

  it('lets an admin create a user, change the role, reset the password and deactivate', async () => {
    const page = track(await staffPage(suite.browser, suite.server.url, 'en'));
    await page.goto(suite.server.url + '/users');
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Li Lei');
    await dialog.getByLabel('Email').fill('li.lei@test.rubricon');
    await dialog.getByLabel('Initial password').fill('short');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('At least 10 characters.').waitFor();
    await dialog.getByLabel('Initial password').fill('a-long-password-1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('User Li Lei is created.').waitFor();
    const row = page.getByRole('row', { name: /Li Lei/ });

    await row.getByLabel('Change role: Li Lei').click();
    await page.locator('.ant-select-dropdown').getByTitle('HR', { exact: true }).click();
    await until(async () => ((await userByEmail('li.lei@test.rubricon')).role === 'hr' ? true : undefined));

    await row.getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('dialog').getByLabel('New password').fill('another-password-2');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await loginAs(suite.server.url, 'li.lei@test.rubricon', 'another-password-2');

    await row.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Deactivate' }).click();
    await row.getByText('Deactivated').waitFor();
    expect((await userByEmail('li.lei@test.rubricon')).active).toBe(false);
    // The admin cannot lock themselves out from here.
    expect(
      await page
        .getByRole('row', { name: /Administrator/ })
        .getByRole('button', { name: 'Deactivate' })
        .count(),
    ).toBe(0);
  });

  it('edits a posting and deletes one without assessments', async () => {
    const token = await adminToken();
    const created = await request(suite.server.url)
      .post('/api/postings/import')
      .set('Authorization', `Bearer ${token}`)
      .send({
        text: '# 清算运营专员\n\n## 工作职责\n1. 负责日终清算对账\n2. 处理差错账务\n\n## 任职要求\n1. 金融相关专业',
      })
      .expect(201);
    const id = created.body.items[0].id as string;
    const page = track(await staffPage(suite.browser, suite.server.url, 'zh'));
    await page.goto(`${suite.server.url}/postings/${id}`);
    await page.getByRole('button', { name: /^编 ?辑$/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('岗位名称').fill('清算运营主管');
    await drawer.getByRole('button', { name: /^保 ?存$/ }).click();
    await page.getByRole('heading', { name: '清算运营主管', level: 1 }).waitFor();

    await page.getByRole('button', { name: '删除岗位' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /^删 ?除$/ })
      .click();
    await page.getByRole('heading', { name: '招聘岗位', level: 1 }).waitFor();
    await request(suite.server.url).get(`/api/postings/${id}`).set('Authorization', `Bearer ${token}`).expect(404);
  });

  it('recognises a re-import of the same posting and offers to skip it or import it again', async () => {
    const text =
      '# 反洗钱分析师\n\n## 工作职责\n1. 负责可疑交易监测与报告\n2. 维护客户风险评级\n\n## 任职要求\n1. 熟悉反洗钱法规';
    const page = track(await staffPage(suite.browser, suite.server.url, 'zh'));
    const importText = async () => {
      const dialog = await openPasteTab(page, 'zh');
      await dialog.getByLabel('岗位内容').fill(text);
      await dialog.getByRole('button', { name: /^导 ?入$/ }).click();
      return dialog;
    };
    let dialog = await importText();
    await dialog.getByText('已导入岗位：1 个。').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const count = async () => (await postingsTitled('反洗钱分析师')).length;
    expect(await count()).toBe(1);

    // The same content again: nothing is saved until HR chooses.
    dialog = await importText();
    await dialog.getByText('已导入过').waitFor();
    expect(await dialog.getByRole('list', { name: '已导入过' }).textContent()).toContain('反洗钱分析师');
    expect(await count()).toBe(1);
    await dialog.getByRole('button', { name: '跳过这些岗位' }).click();
    await dialog.getByText('已跳过重复的岗位：1 个。').waitFor();
    expect(await count()).toBe(1);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    dialog = await importText();
    await dialog.getByRole('button', { name: '仍然重新导入' }).click();
    await dialog.getByText('已导入岗位：1 个。').waitFor();
    expect(await count()).toBe(2);
  });

  it('reports what an import read, per posting, with its notes worded in Chinese and in English', async () => {
    // Two roles under one title, an introduction, sub-headings over duties and a benefits section.
    const text = [
      '支付风控工程师',
      '我们是一家持牌支付机构。',
      '',
      '【策略岗】',
      '岗位职责',
      '1. 负责交易反欺诈策略的设计与迭代',
      '岗位要求',
      '1. 熟练使用SQL',
      '',
      '【模型岗】',
      '岗位职责',
      '模型开发',
      '1. 负责评分卡模型的开发与上线',
      '2. 监控模型稳定性',
      '特征工程',
      '1. 搭建特征平台',
      '岗位要求',
      '1. 熟悉Python',
      '福利待遇',
      '1. 年终奖金',
    ].join('\n');
    const page = track(await staffPage(suite.browser, suite.server.url, 'zh'));
    const dialog = await openPasteTab(page, 'zh');
    await dialog.getByLabel('岗位内容').fill(text);
    await dialog.getByRole('button', { name: /^导 ?入$/ }).click();
    await dialog.getByText('已导入岗位：2 个。').waitFor();

    // The document-wide note, then each posting: a link once saved, its counts and its own notes.
    const documentNotes = dialog.getByRole('list', { name: '整个文档' });
    expect(await documentNotes.textContent()).toMatch(/^第 4 行文档包含多个岗位（【策略岗】, 【模型岗】）/);
    const model = dialog.getByRole('article', { name: '支付风控工程师【模型岗】' });
    await model.getByRole('link', { name: '支付风控工程师【模型岗】' }).waitFor();
    expect(await model.textContent()).toContain('3 条职责 · 1 条要求');
    expect(await model.getByRole('list', { name: '导入提示' }).textContent()).toBe(
      '第 19 行“福利待遇”下的 1 行未导入：该部分不是职责或要求。',
    );
    const strategy = dialog.getByRole('article', { name: '支付风控工程师【策略岗】' });
    expect(await strategy.getByRole('list', { name: '导入提示' }).textContent()).toContain(
      '第一个部分之前的 1 行介绍未导入：“我们是一家持牌支付机构。”',
    );
    // The lines, under their sub-headings, on request.
    await model.getByText('查看条目').click();
    const duties = model.getByRole('group', { name: '支付风控工程师【模型岗】 · 工作职责' });
    expect(
      await duties.getByRole('region').evaluateAll((runs) => runs.map((r) => r.getAttribute('aria-label'))),
    ).toEqual(['模型开发', '特征工程']);
    expect(await duties.locator('li').allTextContents()).toEqual([
      '负责评分卡模型的开发与上线',
      '监控模型稳定性',
      '搭建特征平台',
    ]);

    // The same report in English, worded from the codes rather than the server's message.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await switchLanguage(page, 'en');
    await openPasteTab(page, 'en');
    await dialog.getByLabel('Posting text').fill(text);
    await dialog.getByRole('button', { name: /^Import$/ }).click();
    await dialog.getByText('Already imported').waitFor();
    const again = dialog.getByRole('article', { name: '支付风控工程师【模型岗】' });
    expect(await again.textContent()).toContain('Not saved');
    expect(await again.getByRole('link').count()).toBe(0);
    expect(await again.getByRole('list', { name: 'Notes from the import' }).textContent()).toBe(
      'Line 19The line under “福利待遇” was not imported: it is not a duties or requirements section.',
    );
    expect(await dialog.getByRole('list', { name: 'About the whole document' }).textContent()).toContain(
      'The document holds several roles',
    );
    await again.getByText('Show the lines').click();
    await again.getByText('特征工程').waitFor();
  });

  it('shows a posting’s lines under their sub-headings, and keeps them through an edit', async () => {
    const token = await adminToken();
    const created = await request(suite.server.url)
      .post('/api/postings/import?duplicates=import')
      .set('Authorization', `Bearer ${token}`)
      .send({
        text: '数据平台工程师\n岗位职责\n数据采集\n1. 建设日志采集链路\n2. 维护埋点规范\n数据治理\n1. 制定数据质量规则',
      })
      .expect(201);
    const id = created.body.postings[0].id as string;
    const page = track(await staffPage(suite.browser, suite.server.url, 'zh'));
    await page.goto(`${suite.server.url}/postings/${id}`);
    const duties = page.getByRole('group', { name: '工作职责' });
    await duties.getByRole('region', { name: '数据采集' }).waitFor();
    expect(await duties.getByRole('region', { name: '数据治理' }).locator('li').allTextContents()).toEqual([
      '制定数据质量规则',
    ]);
    await page.getByRole('button', { name: /^编 ?辑$/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('小标题（数据采集、数据治理）会保留在文字未改动的条目上。').waitFor();
    await drawer.getByLabel('岗位名称').fill('数据平台主管');
    await drawer.getByRole('button', { name: /^保 ?存$/ }).click();
    await page.getByRole('heading', { name: '数据平台主管', level: 1 }).waitFor();
    await duties.getByRole('region', { name: '数据治理' }).waitFor();
  });

  async function postingsTitled(title: string): Promise<{ id: string }[]> {
    const res = await request(suite.server.url)
      .get(`/api/postings?limit=100&search=${encodeURIComponent(title)}`)
      .set('Authorization', `Bearer ${await adminToken()}`)
      .expect(200);
    return res.body.items as { id: string }[];
  }

  async function userByEmail(email: string): Promise<StaffUser> {
    const res = await request(suite.server.url)
      .get('/api/users')
      .set('Authorization', `Bearer ${await adminToken()}`)
      .expect(200);
    return (res.body as StaffUser[]).find((u) => u.email === email)!;
  }
});

/**
 * Opens the import modal on its paste tab. The tab is clicked once the modal has finished zooming in:
 * a click during the animation can miss it, and the text area never shows.
 */
async function openPasteTab(page: Page, lang: 'zh' | 'en') {
  await page.getByRole('button', { name: lang === 'zh' ? '导入岗位' : 'Import postings' }).click();
  await page.locator('.ant-modal.ant-zoom-appear').waitFor({ state: 'detached' });
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: lang === 'zh' ? '粘贴文本' : 'Paste text' }).click();
  await dialog.getByLabel(lang === 'zh' ? '岗位内容' : 'Posting text').waitFor();
  return dialog;
}

async function expectText(locator: ReturnType<Page['getByText']>, text: string) {
  await locator.waitFor();
  expect(await locator.textContent()).toContain(text);
}
