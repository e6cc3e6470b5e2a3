import { groupsFromLabels, groupsProblem, keptLabels, labelsFromGroups } from './line-groups';

describe('line groups', () => {
  it('labels lines from groups and rebuilds the same groups from the labels', () => {
    const groups = [
      { kind: 'duty' as const, label: 'A', start: 1, count: 2 },
      { kind: 'duty' as const, label: 'B', start: 3, count: 1 },
      { kind: 'requirement' as const, label: 'C', start: 0, count: 1 },
    ];
    const labels = labelsFromGroups(5, 'duty', groups);
    expect(labels).toEqual([null, 'A', 'A', 'B', null]);
    expect(groupsFromLabels('duty', labels)).toEqual(groups.slice(0, 2));
  });

  it('keeps the label of each line whose text remains, once per old line', () => {
    const old = [
      { text: 'x', groupLabel: 'A' },
      { text: 'x', groupLabel: 'B' },
      { text: 'y', groupLabel: null },
    ];
    expect(keptLabels(old, ['x', 'new', 'x', 'x', 'y'])).toEqual(['A', null, 'B', null, null]);
  });

  it('says which group does not fit its list or overlaps another', () => {
    const lengths = { duty: 3, requirement: 0 };
    expect(groupsProblem([{ kind: 'duty', label: 'A', start: 0, count: 3 }], lengths)).toBeUndefined();
    expect(groupsProblem([{ kind: 'requirement', label: 'A', start: 0, count: 1 }], lengths)).toMatch(
      /groups\[0\] covers requirements 0–0, but there are 0 requirement lines/,
    );
    expect(
      groupsProblem(
        [
          { kind: 'duty', label: 'A', start: 0, count: 2 },
          { kind: 'duty', label: 'B', start: 1, count: 1 },
        ],
        lengths,
      ),
    ).toMatch(/groups\[1\] overlaps groups\[0\]/);
  });
});
