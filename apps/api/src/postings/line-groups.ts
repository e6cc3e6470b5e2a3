import type { PostingLineGroup, PostingLineKind } from '@rubricon/contracts';
import { clipCodePoints } from '../common/validation';

// Groups are stored as a label on each line (posting_lines.groupLabel) and rebuilt from runs of
// consecutive lines with the same label, so a line keeps its sub-heading however the list is edited.

/** The label of each of `count` lines of `kind`: the group it falls in, or null. */
export function labelsFromGroups(count: number, kind: PostingLineKind, groups: PostingLineGroup[]): (string | null)[] {
  const labels = new Array<string | null>(count).fill(null);
  for (const group of groups)
    if (group.kind === kind)
      for (let i = group.start; i < Math.min(group.start + group.count, count); i++)
        labels[i] = clipCodePoints(group.label, 200);
  return labels;
}

/** The groups of lines in position order: each run of consecutive lines of a kind with one label. */
export function groupsFromLabels(kind: PostingLineKind, labels: (string | null | undefined)[]): PostingLineGroup[] {
  const groups: PostingLineGroup[] = [];
  let open: PostingLineGroup | undefined;
  labels.forEach((label, index) => {
    if (label === null || label === undefined) open = undefined;
    else if (open?.label === label) open.count++;
    else groups.push((open = { kind, label, start: index, count: 1 }));
  });
  return groups;
}

/**
 * The labels of a replaced list: a line whose text was already in the list keeps that line's label
 * (each old line lends its label once, in order), a new line has none.
 */
export function keptLabels(old: { text: string; groupLabel: string | null }[], texts: string[]): (string | null)[] {
  const byText = new Map<string, (string | null)[]>();
  for (const line of old) byText.set(line.text, [...(byText.get(line.text) ?? []), line.groupLabel]);
  return texts.map((text) => byText.get(text)?.shift() ?? null);
}

/**
 * Why `groups` cannot label lists of these lengths, or undefined when they can: each group must lie
 * within its list, and groups of one kind must not overlap.
 */
export function groupsProblem(
  groups: PostingLineGroup[],
  lengths: Record<PostingLineKind, number>,
): string | undefined {
  const listName = { duty: 'duties', requirement: 'requirements' } as const;
  for (const [index, group] of groups.entries()) {
    const length = lengths[group.kind];
    if (group.start + group.count > length)
      return `groups[${index}] covers ${listName[group.kind]} ${group.start}–${group.start + group.count - 1}, but there ${length === 1 ? 'is 1' : `are ${length}`} ${group.kind} line${length === 1 ? '' : 's'} (numbered from 0)`;
    const overlapped = groups.findIndex(
      (other, i) =>
        i < index &&
        other.kind === group.kind &&
        other.start < group.start + group.count &&
        group.start < other.start + other.count,
    );
    if (overlapped >= 0) return `groups[${index}] overlaps groups[${overlapped}]: a line belongs to one group at most`;
  }
  return undefined;
}
