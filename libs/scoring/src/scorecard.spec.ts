import { computeScorecard, toPercent, weightedScore, type ScoringQuestion, type ScoringSheet } from './scorecard';

const q = (
  key: string,
  subjectKey: string,
  competencies: string[],
  autoLevel: number | null = null,
): ScoringQuestion => ({
  key,
  subjectKey,
  competencies,
  criteria: [
    { id: 'a', weight: 0.5, autoLevel },
    { id: 'b', weight: 0.3, autoLevel: null },
    { id: 'c', weight: 0.2, autoLevel: null },
  ],
});

const sheet = (
  raterId: string,
  subjectKey: string,
  levels: Record<string, [number | null, number | null, number | null]>,
  status: 'pending' | 'submitted' = 'submitted',
): ScoringSheet => ({
  raterId,
  subjectKey,
  status,
  recommendation: status === 'submitted' ? 'yes' : null,
  scores: Object.entries(levels).flatMap(([questionKey, [a, b, c]]) =>
    (
      [
        ['a', a],
        ['b', b],
        ['c', c],
      ] as const
    )
      .filter(([, level]) => level !== undefined)
      .map(([criterionId, level]) => ({ questionKey, criterionId, level })),
  ),
});

describe('weightedScore', () => {
  it('is the weighted mean over the criteria with a level', () => {
    expect(
      weightedScore([
        { weight: 0.5, level: 4 },
        { weight: 0.3, level: 2 },
        { weight: 0.2, level: 5 },
      ]),
    ).toBeCloseTo(3.6);
  });

  it('leaves out "no evidence" and renormalises the weights', () => {
    expect(
      weightedScore([
        { weight: 0.5, level: 4 },
        { weight: 0.5, level: null },
      ]),
    ).toBe(4);
    expect(weightedScore([{ weight: 1, level: null }])).toBeNull();
  });
});

describe('computeScorecard', () => {
  const questions = [q('q1', 'att', ['eng.coding']), q('q2', 'att', ['eng.coding', 'beh.ownership'])];

  it('averages raters per question, then questions, and keeps each rater total', () => {
    const card = computeScorecard(questions, [
      sheet('r1', 'att', { q1: [4, 4, 4], q2: [2, 2, 2] }),
      sheet('r2', 'att', { q1: [5, 5, 5], q2: [3, 3, 3] }),
    ]);
    expect(card.questions.map((x) => x.score)).toEqual([4.5, 2.5]);
    expect(card.total).toBe(3.5);
    expect(card.percent).toBe(62.5);
    expect(card.raters.map((r) => r.total)).toEqual([3, 4]);
    expect(card.competencies).toEqual({
      'eng.coding': { score: 3.5, questions: 2 },
      'beh.ownership': { score: 2.5, questions: 1 },
    });
    expect(card.flags).toEqual([]);
    expect(card.recommendations).toMatchObject({ yes: 2, none: 0 });
  });

  it('flags a spread of two levels, no evidence, a missing rater and an unassigned subject', () => {
    const card = computeScorecard(
      [...questions, q('i1', 'int', ['eng.coding'])],
      [
        sheet('r1', 'att', { q1: [1, 3, null], q2: [3, 3, 3] }),
        sheet('r2', 'att', { q1: [3, 3, 3], q2: [3, 3, 3] }),
        sheet('r3', 'att', {}, 'pending'),
      ],
      ['att', 'int'],
    );
    expect(card.questions[0].criteria[0]).toMatchObject({ levels: { r1: 1, r2: 3 }, spread: 2, flags: ['spread'] });
    expect(card.questions[0].criteria[2]).toMatchObject({ levels: { r1: null, r2: 3 }, flags: ['no-evidence'] });
    expect(card.flags).toEqual(['spread', 'no-evidence', 'missing-rater', 'unassigned']);
    expect(card.ratersAssigned).toBe(3);
    expect(card.ratersSubmitted).toBe(2);
  });

  it('does not count a pending rater’s draft', () => {
    const card = computeScorecard(questions, [
      sheet('r1', 'att', { q1: [4, 4, 4], q2: [4, 4, 4] }),
      sheet('r2', 'att', { q1: [1, 1, 1], q2: [1, 1, 1] }, 'pending'),
    ]);
    expect(card.total).toBe(4);
    expect(card.raters[1].total).toBeNull();
  });

  it('uses the automatic level unless the rater overrode it', () => {
    const auto = [q('c1', 'att', ['eng.coding'], 5)];
    const card = computeScorecard(auto, [
      sheet('r1', 'att', { c1: [undefined as never, 3, 3] }),
      sheet('r2', 'att', { c1: [1, 3, 3] }),
    ]);
    expect(card.questions[0].criteria[0].levels).toEqual({ r1: 5, r2: 1 });
    expect(card.questions[0].raterScores.r1).toBeCloseTo(0.5 * 5 + 0.3 * 3 + 0.2 * 3);
  });

  it('has no total until someone submits', () => {
    const card = computeScorecard(questions, []);
    expect(card.total).toBeNull();
    expect(card.flags).toEqual(['unassigned']);
    expect(toPercent(5)).toBe(100);
  });
});
