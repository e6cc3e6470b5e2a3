import { describe, expect, it } from '@jest/globals';
import type { ScoreSheetView, SheetCriterion } from '@rubricon/contracts';
import { entryKey, initialDraft, isOverride, levelToChoice, choiceToLevel, toSaveRequest, unscored } from './draft';

const text = (en: string) => ({ en, zh: en });
const criterion = (id: string, autoLevel: number | null = null): SheetCriterion => ({
  id,
  name: text(id),
  weight: 0.5,
  autoLevel,
  anchors: { noEvidence: text('-'), '1': text('1'), '3': text('3'), '5': text('5') },
});

function sheet(overrides: Partial<ScoreSheetView> = {}): ScoreSheetView {
  return {
    subject: { kind: 'attempt', id: 'a1' },
    posting: { id: 'p1', title: 'Dev' },
    candidateLabel: 'Candidate 7F3A',
    blind: true,
    status: 'pending',
    submittedAt: null,
    recommendation: null,
    recommendationAmendments: [],
    questions: [
      {
        questionId: 'coding.two-sum',
        kind: 'coding',
        title: text('Two sum'),
        prompt: text('...'),
        competencies: [],
        rubric: [criterion('correctness', 4), criterion('clarity')],
        answer: { content: 'x', language: 'javascript', savedAt: '2026-12-02T10:00:00Z' },
        grading: { passed: 8, total: 10, score: 0.8 },
      },
      {
        questionId: 'case.one',
        kind: 'case',
        title: text('Case'),
        prompt: text('...'),
        competencies: [],
        rubric: [criterion('analysis')],
        answer: null,
        grading: null,
      },
    ],
    scores: [],
    competencyLabels: {},
    others: null,
    ...overrides,
  };
}

describe('score sheet draft', () => {
  it('starts automatic criteria at their automatic level and the rest unscored', () => {
    const draft = initialDraft(sheet());
    expect(draft.entries[entryKey('coding.two-sum', 'correctness')].level).toBe(4);
    expect(draft.entries[entryKey('coding.two-sum', 'clarity')].level).toBeUndefined();
    expect(unscored(sheet(), draft)).toEqual([
      { questionId: 'coding.two-sum', criterionId: 'clarity' },
      { questionId: 'case.one', criterionId: 'analysis' },
    ]);
  });

  it('takes saved rows, "no evidence" (null) included, as scored', () => {
    const view = sheet({
      scores: [
        {
          questionId: 'case.one',
          criterionId: 'analysis',
          level: null,
          evidence: 'nothing on risks',
          overrideReason: null,
          source: 'rater',
          amendments: [],
        },
      ],
    });
    const draft = initialDraft(view);
    expect(draft.entries[entryKey('case.one', 'analysis')]).toEqual({
      level: null,
      evidence: 'nothing on risks',
      overrideReason: '',
      overridden: false,
    });
    expect(unscored(view, draft)).toEqual([{ questionId: 'coding.two-sum', criterionId: 'clarity' }]);
  });

  it('holds back an override until it has a reason of the minimum length, then sends it with the reason', () => {
    const view = sheet();
    const draft = initialDraft(view);
    const key = entryKey('coding.two-sum', 'correctness');
    draft.entries[key] = { level: 2, evidence: '', overrideReason: 'no', overridden: true };
    expect(isOverride(criterion('c', 4), draft.entries[key])).toBe(true);
    expect(toSaveRequest(view, draft).scores).toEqual([]);
    draft.entries[key].overrideReason = '  misses the empty-array case  ';
    expect(toSaveRequest(view, draft).scores).toEqual([
      {
        questionId: 'coding.two-sum',
        criterionId: 'correctness',
        level: 2,
        evidence: '',
        overrideReason: 'misses the empty-array case',
      },
    ]);
  });

  it('leaves an automatic level alone, sends unscored criteria not at all, and sends the recommendation', () => {
    const view = sheet();
    const draft = { ...initialDraft(view), recommendation: 'yes' as const };
    draft.entries[entryKey('case.one', 'analysis')] = {
      level: null,
      evidence: 'none',
      overrideReason: '',
      overridden: false,
    };
    expect(toSaveRequest(view, draft)).toEqual({
      scores: [{ questionId: 'case.one', criterionId: 'analysis', level: null, evidence: 'none' }],
      recommendation: 'yes',
    });
  });

  it('keeps a saved override one when its level goes back to the automatic level (the server keeps the row)', () => {
    const view = sheet({
      scores: [
        {
          questionId: 'coding.two-sum',
          criterionId: 'correctness',
          level: 2,
          evidence: 'hard-coded',
          overrideReason: 'passes by luck',
          source: 'override',
          amendments: [],
        },
      ],
    });
    const draft = initialDraft(view);
    const key = entryKey('coding.two-sum', 'correctness');
    expect(draft.entries[key].overridden).toBe(true);
    draft.entries[key].level = 4;
    expect(isOverride(criterion('correctness', 4), draft.entries[key])).toBe(true);
    expect(toSaveRequest(view, draft).scores).toEqual([
      {
        questionId: 'coding.two-sum',
        criterionId: 'correctness',
        level: 4,
        evidence: 'hard-coded',
        overrideReason: 'passes by luck',
      },
    ]);
  });

  it('maps the scale control to levels and back', () => {
    expect([1, 5, null, undefined].map(levelToChoice)).toEqual(['1', '5', 'none', undefined]);
    expect(['3', 'none'].map(choiceToLevel)).toEqual([3, null]);
  });
});
