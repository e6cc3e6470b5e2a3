import { realBankOrWarn } from '../testing/real-bank';
import { tagLine } from './tag-line';
import { tagPosting, titlePlatform } from './tag-posting';

// The platforms are the real taxonomy's (SE.MOBILE, SE.FRONTEND); the fixture bank has neither.
const bank = realBankOrWarn();
const describeReal = bank ? describe : describe.skip;

const TESTING = 'Write unit tests and UI tests for every feature.';
const SECURE = 'Fix XSS flaws found in review and own the coding of the checkout flow.';
const PEOPLE = 'Communicate clearly with design and product.';
// 服务端 is a passing mention to tagLine (SE.API outweighs it), but it still says the work is server-side.
const SERVER = '参与服务端接口开发与联调，处理回调与超时重试；';
// 后端 here is whom the work is with, not what it is on: an Android developer's side of the integration.
const WITH_SERVER = '与后端工程师联调接口，处理回调与超时重试；';

describeReal(tagPosting.name, () => {
  const ids = (title: string, duties: string[]) =>
    tagPosting({ title, duties }, bank!).map((l) => l.competencies.map((c) => c.id));

  it('reads the client platform a title names, and none when it names none or two', () => {
    expect(titlePlatform('Android开发工程师（收银台SDK方向）', bank!)).toEqual({ id: 'SE.MOBILE', term: 'android' });
    expect(titlePlatform('iOS Engineer (Wallet App)', bank!)?.id).toBe('SE.MOBILE');
    expect(titlePlatform('Web前端开发工程师', bank!)?.id).toBe('SE.FRONTEND');
    expect(titlePlatform('后端开发工程师', bank!)).toBeUndefined();
    expect(titlePlatform('BI数据分析师', bank!)).toBeUndefined();
    expect(titlePlatform('iOS / 前端工程师', bank!)).toBeUndefined();
  });

  it("adds the title's platform to engineering lines that do not say it, with the title as evidence", () => {
    const [testing] = tagPosting({ title: 'iOS Engineer', duties: [TESTING] }, bank!);
    expect(testing.competencies.map((c) => c.id)).toEqual(['SE.TEST', 'SE.MOBILE']);
    expect(testing.competencies[1]).toEqual({ id: 'SE.MOBILE', score: 1, evidence: ['title:ios'] });
    expect(ids('前端开发工程师', [TESTING])).toEqual([['SE.TEST', 'SE.FRONTEND']]);
  });

  it('reads general code on a client-platform posting as that platform, not as the server side', () => {
    expect(tagLine(SECURE, bank!).competencies.map((c) => c.id)).toContain('SE.BACKEND');
    const [secure] = tagPosting({ title: 'iOS Engineer', duties: [SECURE] }, bank!);
    expect(secure.competencies.map((c) => c.id).sort()).toEqual(['SE.MOBILE', 'SE.SECCODE']);
    expect(secure.competencies.find((c) => c.id === 'SE.MOBILE')!.evidence).toEqual(['coding', 'title:ios']);
  });

  it('leaves lines that are not engineering work, or that name another platform, as tagLine tags them', () => {
    for (const line of [PEOPLE, SERVER]) {
      expect(tagPosting({ title: 'Android开发工程师', duties: [line] }, bank!)).toEqual([tagLine(line, bank!)]);
    }
    expect(ids('Android开发工程师', [WITH_SERVER])).toEqual([['SE.API', 'SE.MOBILE']]);
  });

  it('is tagLine line by line when the title names no client platform', () => {
    const duties = [TESTING, SECURE, PEOPLE, SERVER];
    expect(tagPosting({ title: 'Backend Engineer', duties }, bank!)).toEqual(duties.map((d) => tagLine(d, bank!)));
  });
});
