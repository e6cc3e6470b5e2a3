import type { DocLine, LineGroup, ParsedPosting, ParseWarning } from './types';
import type { MetaKind, SectionKind } from './labels';
import { deriveTitle } from './derive-title';
import { normalizeSpace } from './text-utils';
import { lineNotPlaced, makeWarning, quote } from './warnings';
import { styleOf } from './group-labels';

/** Lines of a section the parser reads past (benefits, about us), kept to say so. */
interface SkippedSection {
  label: string;
  line?: number;
  count: number;
  /** Set when a general description gave way to this duties heading. */
  supersededBy?: string;
}

/** A posting while its lines are being read. */
export interface Draft {
  title?: string;
  /** Level of the heading that gave the title; deeper headings are sub-headings. */
  titleLevel?: number;
  /** A short line before the first section, used when no better title turns up. */
  fallbackTitle?: string;
  location?: string;
  department?: string;
  headcount?: number;
  duties: string[];
  requirements: string[];
  groups: LineGroup[];
  /** The sub-heading the next lines go under, until the section changes. */
  group?: { label: string; line?: number; kind: LineGroup['kind']; used: boolean; style: string };
  section?: SectionKind;
  /** The duties so far came under a heading describing the role as a whole (职位描述): see labels.ts. */
  descriptive?: { label: string; line?: number; from: number; listed?: boolean };
  /** No section labels anywhere: lists are duties until numbering restarts at 1. */
  implicit: boolean;
  sawOrdinal: boolean;
  /** The 1-based line the posting starts on, for warnings about it. */
  line?: number;
  /** Text before the first section that did not become the title. */
  intro: DocLine[];
  skipped: SkippedSection[];
  /** Lines that fit nowhere. */
  unplaced: DocLine[];
  /** Warnings about this posting, placed once it has an index. */
  warnings: ParseWarning[];
}

export function newDraft(title?: string, titleLevel?: number, line?: number): Draft {
  return {
    title,
    titleLevel,
    line,
    duties: [],
    requirements: [],
    groups: [],
    implicit: false,
    sawOrdinal: false,
    intro: [],
    skipped: [],
    unplaced: [],
    warnings: [],
  };
}

export function draftHasContent(draft: Draft): boolean {
  return draft.section !== undefined || draft.duties.length > 0 || draft.requirements.length > 0;
}

/** Enters a section: a new list, so no sub-heading carries over. */
export function enterSection(draft: Draft, section: SectionKind, heading: DocLine, descriptive: boolean): void {
  closeGroup(draft);
  if (section === 'duties' && !descriptive && draft.descriptive) dropDescriptiveDuties(draft, heading.text);
  if (section === 'duties' && descriptive && !draft.descriptive)
    draft.descriptive = { label: heading.text, line: heading.source, from: draft.duties.length, listed: false };
  draft.section = section;
  if (section === 'other') draft.skipped.push({ label: heading.text, line: heading.source, count: 0 });
}

/**
 * `职位描述` prose followed by `岗位职责`: the lines under the general heading describe the role;
 * the duties are the specific list. They are reported, not imported.
 */
function dropDescriptiveDuties(draft: Draft, duties: string): void {
  const { label, line, from } = draft.descriptive!;
  draft.descriptive = undefined;
  const dropped = draft.duties.length - from;
  if (dropped === 0) return;
  draft.duties.length = from;
  draft.groups = draft.groups.filter((group) => group.kind !== 'duty' || group.start < from);
  draft.skipped.push({ label, line, count: dropped, supersededBy: duties });
}

/** Starts a sub-heading: the lines that follow in this section are its group. */
export function openGroup(draft: Draft, label: DocLine): void {
  closeGroup(draft);
  const kind = draft.section === 'requirements' ? 'requirement' : 'duty';
  draft.group = { label: label.text, line: label.source, kind, used: false, style: styleOf(label) };
}

/**
 * A line marked like its sub-heading is the heading's sibling, not under it: `1、…包括：` over
 * `（1）…（2）…` ends at `2、…`.
 */
export function endGroupAtSibling(draft: Draft, line: DocLine): void {
  if (draft.group?.used && styleOf(line) === draft.group.style) closeGroup(draft);
}

/** Ends the current sub-heading; one with no line under it is a line we could not place. */
export function closeGroup(draft: Draft): void {
  const group = draft.group;
  draft.group = undefined;
  if (group && !group.used) draft.unplaced.push({ kind: 'text', text: group.label, source: group.line });
}

/** Adds a duty or requirement line to the current section, under the current sub-heading. */
export function pushLine(draft: Draft, text: string): void {
  const kind = draft.section === 'requirements' ? 'requirement' : 'duty';
  const target = kind === 'requirement' ? draft.requirements : draft.duties;
  const group = draft.group;
  if (group && group.kind === kind) {
    const last = draft.groups[draft.groups.length - 1];
    if (group.used && last) last.count++;
    else draft.groups.push({ kind, label: group.label, start: target.length, count: 1 });
    group.used = true;
  }
  target.push(text);
}

/** `2`, `2人`, `3 openings` → a number; `若干` or `TBD` → undefined. */
export function parseHeadcount(text: string): number | undefined {
  const match = normalizeSpace(text).match(
    /^(\d{1,4})\s*(人|名|位|个|個|people|persons?|positions?|openings?|hires?)?$/i,
  );
  return match ? Number(match[1]) : undefined;
}

export function applyMeta(
  draft: Draft,
  meta: Exclude<MetaKind, 'title' | 'ignored'>,
  value: string,
  line?: number,
): void {
  const text = normalizeSpace(value);
  if (meta === 'headcount') {
    const headcount = parseHeadcount(text);
    if (headcount === undefined)
      draft.warnings.push(
        makeWarning(
          'headcount-invalid',
          `Headcount “${text}” is not a number; it was left empty.`,
          { value: text },
          { line },
        ),
      );
    else draft.headcount = headcount;
    return;
  }
  draft[meta] = text;
}

/**
 * Turns a finished draft into a posting, or undefined when it has no duties, with the warnings
 * about it: what was skipped, guessed or could not be placed.
 */
export function finishDraft(draft: Draft): { posting?: ParsedPosting; warnings: ParseWarning[] } {
  closeGroup(draft);
  const known = draft.title ?? draft.fallbackTitle;
  const warnings = [...draft.warnings, ...lostLineWarnings(draft, known)];
  if (draft.duties.length === 0) {
    const lines = draft.requirements.length;
    if (known || lines > 0) {
      const name = known ?? 'an untitled section';
      warnings.push(
        makeWarning(
          'posting-skipped',
          `Skipped “${name}”: no duty lines were found under it${lines > 0 ? ` (${lines} requirement line${lines === 1 ? '' : 's'} not imported)` : ''}.`,
          { title: name, requirements: lines },
          { line: draft.line },
        ),
      );
    }
    return { warnings };
  }
  let title = known;
  if (!title) {
    title = deriveTitle(draft.duties);
    warnings.push(
      makeWarning(
        'title-derived',
        `The posting has no title; “${title}” was derived from its duty lines. Please check it.`,
        { title },
        { line: draft.line },
      ),
    );
  }
  if (draft.implicit) {
    const split = draft.requirements.length > 0;
    warnings.push(
      makeWarning(
        'sections-guessed',
        `“${title}” has no duties or requirements heading (such as 岗位职责 / 任职要求): its list was read as duties${split ? ', and the list after the numbering restarted at 1 as requirements' : ''}. Please check them.`,
        { title, split: split ? 1 : 0 },
        { line: draft.line },
      ),
    );
  }
  const posting: ParsedPosting = {
    title,
    ...(draft.department ? { department: draft.department } : {}),
    ...(draft.location ? { location: draft.location } : {}),
    ...(draft.headcount !== undefined ? { headcount: draft.headcount } : {}),
    duties: draft.duties,
    requirements: draft.requirements,
    ...(draft.groups.length > 0 ? { groups: draft.groups } : {}),
  };
  return { posting, warnings };
}

/** Warnings for the lines of a draft that did not become duties or requirements. */
function lostLineWarnings(draft: Draft, title: string | undefined): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  // The fallback title line was used when the posting has no better one.
  const intro = draft.intro.filter((line) => draft.title !== undefined || line.text !== draft.fallbackTitle);
  if (intro.length > 0) {
    const first = intro[0];
    warnings.push(
      makeWarning(
        'intro-skipped',
        `${intro.length === 1 ? '1 line' : `${intro.length} lines`} before ${title ? `the first section of “${title}”` : 'the first section'} ${intro.length === 1 ? 'was' : 'were'} not imported (introduction): “${quote(first.text)}”.`,
        { count: intro.length, text: quote(first.text) },
        { line: first.source },
      ),
    );
  }
  for (const section of draft.skipped) {
    if (section.count === 0) continue;
    const lines = section.count === 1 ? '1 line' : `${section.count} lines`;
    if (section.supersededBy !== undefined) {
      warnings.push(
        makeWarning(
          'description-skipped',
          `${lines} under “${section.label}” describe${section.count === 1 ? 's' : ''} the role and ${section.count === 1 ? 'was' : 'were'} not imported: the duties were taken from the list under “${section.supersededBy}”.`,
          { section: section.label, count: section.count, duties: section.supersededBy },
          { line: section.line },
        ),
      );
      continue;
    }
    warnings.push(
      makeWarning(
        'section-skipped',
        `${section.count === 1 ? '1 line' : `${section.count} lines`} under “${section.label}” ${section.count === 1 ? 'was' : 'were'} not imported: it is not a duties or requirements section.`,
        { section: section.label, count: section.count },
        { line: section.line },
      ),
    );
  }
  for (const line of draft.unplaced) warnings.push(lineNotPlaced(line.text, line.source));
  return warnings;
}
