import type { DocLine } from './types';
import { displayLength, endsLikeSentence } from './text-utils';

/** Longest sub-heading, in columns (a CJK character counts two): `模型全生命周期管理`, `Technical skills`. */
const MAX_LABEL_COLUMNS = 60;

/** How a line is marked, for comparing it with the lines after it. */
export function styleOf(line: DocLine): string {
  if (line.kind === 'heading') return `heading:${line.level ?? 1}`;
  if (line.strong) return 'strong';
  if (line.kind === 'text') return 'text';
  // `- Backend` over `  - Build REST APIs`: the same bullet one level deeper is another style.
  return `${line.marker ?? 'item'}${line.indent ? '>' : ''}`;
}

/** Short, and not a finished sentence (a label may end in a colon: `Technical skills:`). */
function labelShaped(line: DocLine): boolean {
  return displayLength(line.text) <= MAX_LABEL_COLUMNS && !endsLikeSentence(line.text);
}

/**
 * Which lines of one list block (the lines under one section heading, or one table cell) are
 * sub-headings: labels that group the lines under them and are not lines themselves.
 *
 * - A bold line, or a heading, that is followed by a line: `**Backend**`, `### Backend`.
 * - An unmarked line followed by a marked item: `模型全生命周期管理` above `1. …`.
 * - Marked lines of one style whose every occurrence is followed by items of another style, as
 *   `（一）技术能力` above `1、…` or `1. Topic` above `- …`. If any line of that style is followed
 *   by its own kind (`3. 负责以下工作：` then `4. …`), the style is the list itself, not its labels.
 */
export function findGroupLabels(block: DocLine[]): boolean[] {
  const styles = block.map(styleOf);
  const candidate = block.map((line, i) => {
    const next = block[i + 1];
    if (!next || !labelShaped(line) || styles[i + 1] === styles[i]) return false;
    if (line.kind === 'heading' || line.strong) return next.kind !== 'heading';
    if (next.kind !== 'item') return false;
    return (next.indent ?? 0) >= (line.indent ?? 0);
  });
  // A marked style is a label style only when no label-shaped line of it is followed by its own
  // kind. (Sentences of that style further on, such as a numbered list after the groups, do not
  // count: they could never be labels.)
  const listStyles = new Set<string>();
  block.forEach((line, i) => {
    if (line.kind === 'item' && !line.strong && !candidate[i] && labelShaped(line)) listStyles.add(styles[i]);
  });
  return block.map((line, i) => candidate[i] && (line.kind !== 'item' || line.strong || !listStyles.has(styles[i])));
}
