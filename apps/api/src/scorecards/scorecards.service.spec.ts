import { rankOf, ScorecardsService } from './scorecards.service';

describe('rankOf', () => {
  const totals = [4.5, 4, 4, 3, 1];

  it('is one plus how many totals are strictly higher, so ties share a rank', () => {
    expect(totals.map((t) => rankOf(totals, t))).toEqual([1, 2, 2, 4, 5]);
    expect(rankOf(totals, 5)).toBe(1);
    expect(rankOf(totals, 0.5)).toBe(6);
    expect(rankOf([], 3)).toBe(1);
  });
});

describe('ScorecardsService.refresh', () => {
  function service(log: string[]) {
    const s = Object.create(ScorecardsService.prototype) as ScorecardsService;
    Object.assign(s, { refreshing: new Map(), logger: { error: (m: string) => log.push(`error ${m}`) } });
    let n = 0;
    // Each recompute of one scorecard takes a different time: the first is the slowest.
    (s as unknown as { recompute: (p: string, c: string) => Promise<void> }).recompute = async (p, c) => {
      const i = ++n;
      log.push(`start ${i} ${p}:${c}`);
      await new Promise((r) => setTimeout(r, i === 1 ? 30 : 1));
      if (i === 2) throw new Error('database gone');
      log.push(`end ${i}`);
    };
    return s;
  }

  it('runs the refreshes of one scorecard one after another, and a failure does not stop the next', async () => {
    const log: string[] = [];
    const s = service(log);
    await Promise.all([s.refresh('p', 'c'), s.refresh('p', 'c'), s.refresh('p', 'c')]);
    expect(log).toEqual([
      'start 1 p:c',
      'end 1',
      'start 2 p:c',
      'error Scorecard p:c not refreshed: database gone',
      'start 3 p:c',
      'end 3',
    ]);
  });
});
