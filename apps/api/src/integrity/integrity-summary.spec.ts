import type { IntegrityEventView } from '@rubricon/contracts';
import { summariseIntegrity } from './integrity-summary';

const at = (second: number) => new Date(Date.UTC(2030, 0, 1, 9, 0, second)).toISOString();
const event = (type: IntegrityEventView['type'], second: number, detail: Record<string, number> = {}) => ({
  type,
  at: at(second),
  detail,
});

describe(summariseIntegrity.name, () => {
  it('sums pastes with their characters, times away with their duration, runs, and counts every kind', () => {
    const timeline = [
      event('resize', 0, { width: 800, height: 600 }),
      event('paste', 1, { size: 120 }),
      event('blur', 10),
      event('hidden', 10),
      event('visible', 40),
      event('focus', 41),
      event('hidden-run', 45, { passed: 2, total: 3 }),
      event('paste', 50, { size: 30 }),
      event('blur', 55),
    ];
    expect(summariseIntegrity(timeline, new Date(at(60)))).toEqual({
      pastes: { count: 2, totalCharacters: 150 },
      // 10 s → 40 s, then 55 s → the end at 60 s: two times away, 35 s in all.
      away: { count: 2, totalMs: 35_000 },
      runs: { count: 1 },
      byKind: { paste: 2, blur: 2, focus: 1, resize: 1, hidden: 1, visible: 1, 'hidden-run': 1 },
    });
  });

  it('is all zeros without signals', () => {
    expect(summariseIntegrity([], new Date())).toMatchObject({
      pastes: { count: 0, totalCharacters: 0 },
      away: { count: 0, totalMs: 0 },
      runs: { count: 0 },
    });
  });
});
