import { describe, expect, it } from '@jest/globals';
import { splitChecklist } from './anchor-text';

describe(splitChecklist.name, () => {
  it('reads an English level-3 checklist as its lead and items', () => {
    expect(
      splitChecklist('At least 2 of these 3: (1) computes the net; (2) states assumptions; (3) checks totals.'),
    ).toEqual({
      lead: 'At least 2 of these 3:',
      items: ['computes the net', 'states assumptions', 'checks totals.'],
    });
  });

  it('reads a Chinese one, full-width brackets and semicolons included', () => {
    expect(splitChecklist('以下 3 项中至少 2 项：（1）算出净额；（2）说明假设；（3）核对合计。')).toEqual({
      lead: '以下 3 项中至少 2 项：',
      items: ['算出净额', '说明假设', '核对合计。'],
    });
  });

  it('keeps the (1) of O(1) inside its item', () => {
    expect(splitChecklist('At least 1 of these 2: (1) O(1) lookups; (2) one pass.')?.items).toEqual([
      'O(1) lookups',
      'one pass.',
    ]);
  });

  it('leaves text without a list alone', () => {
    expect(splitChecklist('Shows how a 20 % drop would change the answer.')).toBeNull();
    expect(splitChecklist('Only (1) one item.')).toBeNull();
  });
});
