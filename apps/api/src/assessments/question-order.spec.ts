import { compareQuestionOrder } from './question-order';

describe(compareQuestionOrder.name, () => {
  it('orders by kind as the review sections do, then by position, so a question added later joins its kind', () => {
    const rows = [
      { id: 'case-1', kind: 'case' as const, position: 0 },
      { id: 'behavioral-1', kind: 'behavioral' as const, position: 1 },
      { id: 'coding-1', kind: 'coding' as const, position: 2 },
      { id: 'case-added', kind: 'case' as const, position: 3 },
      { id: 'coding-0', kind: 'coding' as const, position: -1 },
    ];
    expect([...rows].sort(compareQuestionOrder).map((r) => r.id)).toEqual([
      'coding-0',
      'coding-1',
      'case-1',
      'case-added',
      'behavioral-1',
    ]);
  });
});
