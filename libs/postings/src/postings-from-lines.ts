import type { DocLine, ParsedPosting } from './types';
import { matchLabel, type LabelMatch } from './labels';
import {
  applyMeta,
  draftHasContent,
  endGroupAtSibling,
  enterSection,
  finishDraft,
  newDraft,
  openGroup,
  pushLine,
  type Draft,
} from './posting-draft';
import { findGroupLabels } from './group-labels';
import { splitNumbered } from './split-items';
import { displayLength, endsLikeSentence } from './text-utils';
import { WarningLog, quote } from './warnings';

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

/**
 * A line that can name a posting: a short title line, or one numbered as postings are in a notice
 * (`一、Java开发工程师`, `（二）测试工程师`), or any numbered line before the first posting's sections.
 */
function isTitleLine(line: DocLine, inPosting: boolean): boolean {
  if (isShortTitle(line)) return !looksLikeTags(line.text);
  if (line.kind !== 'item' || displayLength(line.text) > 60 || endsLikeSentence(line.text)) return false;
  return line.marker === 'cn-dot' || line.marker === 'cn-paren' || (!inPosting && line.ordinal !== undefined);
}

/**
 * The salary, terms and tag lines job boards print under a title (`25-40K·14薪`, `$60,000 a year -
 * Full-time`, `3-5年 | 本科`, `Remote · Full-time`): never the posting's name. (A separator alone is
 * not a tag: `Software Engineer | Payments` is a title.)
 */
const TAGS =
  /\d\s*[kK千万]|[$¥￥€£]|薪|\b(full[- ]?time|part[- ]?time|remote|hybrid|on-?site|contract|internship|per (year|month|hour|annum)|a (year|month|hour))\b|\d\s*[-~～至]\s*\d+\s*年|经验不限|学历不限|本科|硕士|大专|五险一金|六险一金/i;

export function looksLikeTags(text: string): boolean {
  return TAGS.test(text);
}

/**
 * A whole posting pasted on one line, `岗位职责：1.…；2.…。任职要求：1.…`: the second heading,
 * after a sentence end, starts a line of its own (else its items would end up in the last duty).
 */
const INLINE_HEADING =
  /(?=(?:任职要求|任职资格|岗位要求|职位要求|技能要求|任職要求|任職資格|崗位要求|岗位职责|工作职责|崗位職責|工作職責|Requirements|Qualifications|Responsibilities)\s*[:：])(?<=[。；;.!?！？]\s*)/u;

function splitAtInlineHeading(line: DocLine): DocLine[] {
  if (line.kind === 'heading' || line.text.length > 4000 || !INLINE_HEADING.test(line.text)) return [line];
  return line.text
    .split(INLINE_HEADING)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text, i) => (i === 0 ? { ...line, text } : { kind: 'text' as const, text, source: line.source }));
}

/** A paragraph of text: a whole sentence, not a list item, label or title. */
function isProse(line: DocLine | undefined, label: LabelMatch | undefined): boolean {
  return line !== undefined && !label && line.kind === 'text' && !line.strong && endsLikeSentence(line.text);
}

/** `（策略岗）`, `【模型岗】`: a role within the document's posting, in brackets on a line of its own. */
const ROLE_MARKER = /^[（(【[〔「][^（()）【】[\]〔〕「」]{1,20}[)）】\]〕」]$/u;

/** Sub-heading flags for every line, judged within its block (the lines between two labels). */
function groupLabelFlags(lines: DocLine[], labels: Array<LabelMatch | undefined>): boolean[] {
  const flags: boolean[] = [];
  let start = 0;
  const flush = (end: number) => {
    for (const flag of findGroupLabels(lines.slice(start, end))) flags.push(flag);
  };
  lines.forEach((_, i) => {
    if (!labels[i]) return;
    flush(i);
    flags.push(false);
    start = i + 1;
  });
  flush(lines.length);
  return flags;
}

/**
 * Groups DocLines into postings: headings and short title lines start postings, labels
 * (岗位职责 / Requirements / 工作地点：…) switch sections or set fields, sub-headings group the
 * lines under them, the rest are lines. What cannot be placed is reported in `log`.
 */
export function postingsFromLines(docLines: DocLine[], log: WarningLog): ParsedPosting[] {
  const postings: ParsedPosting[] = [];
  const lines = docLines.flatMap(splitAtInlineHeading);
  // Each line's label once: matching one normalises the whole line.
  const labels = lines.map(labelOf);
  const groupLabels = groupLabelFlags(lines, labels);
  // With no duties heading anywhere, the lists before a requirements heading are the duties.
  const labelled = labels.some((label) => label?.section === 'duties');
  const roles: Array<{ marker: string; line?: number }> = [];
  let documentTitle: string | undefined;
  let draft = newDraft();
  const startPosting = (title?: string, level?: number, line?: number) => {
    const { posting, warnings } = finishDraft(draft);
    if (posting) postings.push(posting);
    log.adopt(warnings, posting ? postings.length - 1 : undefined);
    draft = newDraft(title, level, line);
  };
  /**
   * Whether the lines after `i` open a posting: a duties heading or a title field, after fields
   * (工作地点：…) and introductory prose (whole sentences, never a short title-like line).
   */
  const opensPosting = (i: number) => {
    let j = i + 1;
    for (;;) {
      if ((labels[j]?.meta && labels[j]?.meta !== 'title') || isProse(lines[j], labels[j])) j++;
      else if (labels[j]?.section === 'other') {
        // A benefits or company section before the duties, with its lines.
        j++;
        while (j < lines.length && !labels[j] && lines[j].kind !== 'heading') j++;
      } else break;
    }
    return labels[j]?.section === 'duties' || labels[j]?.meta === 'title';
  };

  lines.forEach((line, i) => {
    const label = labels[i];
    draft.line ??= line.source;
    if (label?.section) {
      // Duties after requirements begin the next posting, even one without a title line.
      if (label.section === 'duties' && draft.duties.length > 0 && draft.requirements.length > 0)
        startPosting(undefined, undefined, line.source);
      enterSection(draft, label.section, line, label.descriptive === true);
      if (label.rest) addLine(draft, { kind: 'text', text: label.rest, source: line.source }, false, labelled);
      return;
    }
    if (label?.meta && (draft.section === undefined || line.kind !== 'item')) {
      // A field we do not store (薪资：15-25K, Job type: Full-time): said, never a requirement.
      if (label.meta === 'ignored') return void draft.unplaced.push(line);
      if (label.meta !== 'title') return applyMeta(draft, label.meta, label.rest, line.source);
      if (draftHasContent(draft)) return startPosting(label.rest, undefined, line.source);
      draft.title = label.rest;
      return;
    }
    if (line.kind === 'heading') {
      const level = line.level ?? 1;
      if (!draftHasContent(draft)) {
        if (draft.title !== undefined) draft.intro.push({ kind: 'text', text: draft.title, source: draft.line });
        draft.title = line.text;
        draft.titleLevel = level;
      } else if (draft.titleLevel === undefined || level <= draft.titleLevel) {
        startPosting(line.text, level, line.source);
      } else {
        // A deeper heading inside a posting groups the lines under it, like `(一) …方向`.
        addLine(draft, line, true, labelled);
      }
      return;
    }
    if (labelled && ROLE_MARKER.test(line.text) && opensPosting(i)) {
      // One document, several roles: `（策略岗）` and `（模型岗）`, each with its own sections.
      if (roles.length === 0) documentTitle = draft.title ?? draft.fallbackTitle;
      roles.push({ marker: line.text, line: line.source });
      const title = documentTitle ? `${documentTitle}${line.text}` : line.text.slice(1, -1);
      if (draftHasContent(draft)) return startPosting(title, undefined, line.source);
      // The document's title line is now part of the role's title, not an unused introduction.
      if (draft.fallbackTitle !== undefined) draft.intro = draft.intro.filter((l) => l.text !== draft.fallbackTitle);
      draft.title = title;
      draft.fallbackTitle = undefined;
      return;
    }
    if (labelled && isTitleLine(line, draftHasContent(draft))) {
      const nextLabel = labels[i + 1];
      if (!draftHasContent(draft) && nextLabel && !draft.title) {
        // The line right above the first heading names the posting, unless it is the salary or
        // tag line a job board puts under the real title, which came first.
        if (draft.fallbackTitle === undefined || !looksLikeTags(draft.fallbackTitle)) {
          draft.title = line.text;
          return;
        }
      }
      // `职位描述` prose then `岗位职责`: one posting's two headings, not a title between postings.
      // (Once that heading holds a list, the list is the duties and a title line may follow.)
      const describing = draft.descriptive?.listed === false && draft.requirements.length === 0;
      if (draftHasContent(draft) && !describing && opensPosting(i))
        return startPosting(line.text, undefined, line.source);
    }
    addLine(draft, line, groupLabels[i], labelled);
  });
  startPosting();
  // One bracketed role is only part of its posting's title; several are a split worth checking.
  if (roles.length > 1) {
    const names = roles.map((role) => role.marker).join(', ');
    log.add(
      'role-split',
      `The document holds ${roles.length} roles (${names}), each with its own duties: they were imported as separate postings${documentTitle ? ` titled “${quote(documentTitle)}” + the role` : ''}. Please check the titles.`,
      { count: roles.length, roles: names, title: documentTitle ?? '' },
      { line: roles[0].line },
    );
  }
  return postings;
}

/** How-to-apply and boilerplate lines that close a posting: reported, not imported. */
const APPLY =
  /简历|履歷|履历|投递|有意者|應徵者|应聘者请|请发送|interested (parties|candidates|applicants)|please (send|apply|submit|forward)|send (your |a |full )?(cv|resume|résumé)|equal opportunit|@[\w-]+\.[a-z]{2,}/i;
/** Longer lines are content: and the test stays cheap on a hostile upload's one-line megabyte. */
const MAX_APPLY_CHARS = 400;

function addLine(draft: Draft, line: DocLine, groupLabel: boolean, labelled: boolean): void {
  if (draft.section === undefined) {
    if (labelled) {
      // Text before the first section: an intro, or the posting's name when nothing else names it.
      if (!draft.fallbackTitle && !draft.title && isTitleLine(line, false)) draft.fallbackTitle = line.text;
      draft.intro.push(line);
      return;
    }
    draft.section = 'duties';
    draft.implicit = true;
  }
  if (line.kind === 'text' && line.text.length <= MAX_APPLY_CHARS && APPLY.test(line.text)) {
    // `Interested parties please send your CV to …`: how to apply, never a requirement.
    draft.unplaced.push(line);
    return;
  }
  if (draft.section === 'other') {
    draft.skipped[draft.skipped.length - 1].count++;
    return;
  }
  if (draft.implicit && line.kind === 'text' && (!groupLabel || (draft.duties.length === 0 && !draft.title))) {
    // Without labels only list items are duties; prose is an intro, or the title if it is short.
    if (draft.duties.length > 0) draft.unplaced.push(line);
    else if (!draft.title && isShortTitle(line)) draft.title = line.text;
    else draft.intro.push(line);
    return;
  }
  if (draft.implicit && line.ordinal !== undefined && !line.indent) {
    // Unlabelled documents list duties first; numbering restarting at 1 begins the requirements.
    if (line.ordinal === 1 && draft.sawOrdinal && draft.section === 'duties') draft.section = 'requirements';
    draft.sawOrdinal = true;
  }
  if (draft.descriptive && draft.section === 'duties') draft.descriptive.listed ||= line.kind === 'item';
  if (groupLabel) return openGroup(draft, line);
  endGroupAtSibling(draft, line);
  const numbered = line.kind === 'text' ? splitNumbered(line.text) : undefined;
  if (!numbered) pushLine(draft, line.text);
  else for (const item of numbered) pushLine(draft, item.text);
}
