import type { DocLine, ParsedPosting } from './types';
import { matchLabel, type LabelMatch } from './labels';
import { applyMeta, draftHasContent, finishDraft, newDraft, type Draft } from './posting-draft';
import { splitNumbered } from './split-items';
import { displayLength, endsLikeSentence, isSubHeadingText } from './text-utils';

/** Labels on list items count only when the item is nothing but the label (`1. 岗位职责`). */
function labelOf(line: DocLine | undefined): LabelMatch | undefined {
  if (!line) return undefined;
  const label = matchLabel(line.text);
  if (label && line.kind === 'item' && label.section && label.rest !== '') return undefined;
  return label;
}

function isShortTitle(line: DocLine): boolean {
  return line.kind === 'text' && displayLength(line.text) <= 60 && !endsLikeSentence(line.text);
}

/** A group heading inside a list: bold, `(一) …方向`, `Skills:`, or `1. Topic` followed by bullets. */
export function isSubHeading(line: DocLine, next: DocLine | undefined): boolean {
  if (line.strong && displayLength(line.text) <= 60 && !endsLikeSentence(line.text)) return true;
  if (isSubHeadingText(line.text)) return true;
  return (
    line.kind === 'item' &&
    line.ordinal !== undefined &&
    next?.kind === 'item' &&
    next.ordinal === undefined &&
    (next.indent ?? 0) >= (line.indent ?? 0) &&
    displayLength(line.text) <= 80 &&
    !endsLikeSentence(line.text)
  );
}

/**
 * Groups DocLines into postings: headings and short title lines start postings, labels
 * (岗位职责 / Requirements / 工作地点：…) switch sections or set fields, the rest are items.
 */
export function postingsFromLines(lines: DocLine[], warnings: string[]): ParsedPosting[] {
  const postings: ParsedPosting[] = [];
  // Each line's label once: matching one normalises the whole line.
  const labels = lines.map(labelOf);
  const labelled = labels.some((label) => label?.section === 'duties' || label?.section === 'requirements');
  let draft = newDraft();
  const startPosting = (title?: string, level?: number) => {
    const posting = finishDraft(draft, warnings);
    if (posting) postings.push(posting);
    draft = newDraft(title, level);
  };

  lines.forEach((line, i) => {
    const next = lines[i + 1];
    const label = labels[i];
    if (label?.section) {
      draft.section = label.section;
      if (label.rest) addItems(draft, { kind: 'text', text: label.rest }, undefined, labelled);
      return;
    }
    if (label?.meta && (draft.section === undefined || line.kind !== 'item')) {
      if (label.meta !== 'title') return applyMeta(draft, label.meta, label.rest, warnings);
      if (draftHasContent(draft)) return startPosting(label.rest);
      draft.title = label.rest;
      return;
    }
    if (line.kind === 'heading') {
      const level = line.level ?? 1;
      if (!draftHasContent(draft)) {
        draft.title = line.text;
        draft.titleLevel = level;
      } else if (draft.titleLevel === undefined || level <= draft.titleLevel) {
        startPosting(line.text, level);
      }
      // A deeper heading inside a posting groups items, like `(一) …方向`.
      return;
    }
    if (isShortTitle(line) && labelled) {
      const nextLabel = labels[i + 1];
      const opensPosting = nextLabel?.section === 'duties' || nextLabel?.meta === 'title';
      if (!draftHasContent(draft) && nextLabel && !draft.title) {
        draft.title = line.text;
        return;
      }
      if (draftHasContent(draft) && opensPosting) return startPosting(line.text);
    }
    addItems(draft, line, next, labelled);
  });
  startPosting();
  return postings;
}

function addItems(draft: Draft, line: DocLine, next: DocLine | undefined, labelled: boolean): void {
  if (draft.section === undefined) {
    if (labelled) {
      // Text before the first section: an intro, or the posting's name when nothing else names it.
      if (!draft.fallbackTitle && isShortTitle(line)) draft.fallbackTitle = line.text;
      return;
    }
    draft.section = 'duties';
    draft.implicit = true;
  }
  if (draft.section === 'other') return;
  if (draft.implicit && line.kind === 'text') {
    // Without labels only list items are duties; prose is an intro, or the title if it is short.
    if (!draft.title && draft.duties.length === 0 && isShortTitle(line)) draft.title = line.text;
    return;
  }
  if (draft.implicit && line.ordinal !== undefined && !line.indent) {
    // Unlabelled documents list duties first; numbering restarting at 1 begins the requirements.
    if (line.ordinal === 1 && draft.sawOrdinal) draft.section = 'requirements';
    draft.sawOrdinal = true;
  }
  if (isSubHeading(line, next)) return;
  const target = draft.section === 'requirements' ? draft.requirements : draft.duties;
  const numbered = line.kind === 'text' ? splitNumbered(line.text) : undefined;
  if (!numbered) target.push(line.text);
  else for (const item of numbered) target.push(item.text);
}
