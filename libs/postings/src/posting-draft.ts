import type { ParsedPosting } from './types';
import type { MetaKind, SectionKind } from './labels';
import { deriveTitle } from './derive-title';
import { normalizeSpace } from './text-utils';

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
  section?: SectionKind;
  /** No section labels anywhere: lists are duties until numbering restarts at 1. */
  implicit: boolean;
  sawOrdinal: boolean;
}

export function newDraft(title?: string, titleLevel?: number): Draft {
  return { title, titleLevel, duties: [], requirements: [], implicit: false, sawOrdinal: false };
}

export function draftHasContent(draft: Draft): boolean {
  return draft.section !== undefined || draft.duties.length > 0 || draft.requirements.length > 0;
}

/** `2`, `2人`, `3 openings` → a number; `若干` or `TBD` → undefined. */
export function parseHeadcount(text: string): number | undefined {
  const match = normalizeSpace(text).match(/^(\d{1,4})\s*(人|名|位|个|people|persons?|positions?|openings?|hires?)?$/i);
  return match ? Number(match[1]) : undefined;
}

export function applyMeta(draft: Draft, meta: Exclude<MetaKind, 'title'>, value: string, warnings: string[]): void {
  const text = normalizeSpace(value);
  if (meta === 'headcount') {
    const headcount = parseHeadcount(text);
    if (headcount === undefined) warnings.push(`Headcount “${text}” is not a number; it was left empty.`);
    else draft.headcount = headcount;
    return;
  }
  draft[meta] = text;
}

/** Turns a finished draft into a posting, or undefined (with a warning) when it has no duties. */
export function finishDraft(draft: Draft, warnings: string[]): ParsedPosting | undefined {
  const known = draft.title ?? draft.fallbackTitle;
  if (draft.duties.length === 0) {
    if (known || draft.requirements.length > 0) {
      warnings.push(`Skipped “${known ?? 'an untitled section'}”: no duty lines were found under it.`);
    }
    return undefined;
  }
  let title = known;
  if (!title) {
    title = deriveTitle(draft.duties);
    warnings.push(`The posting has no title; “${title}” was derived from its duty lines. Please check it.`);
  }
  return {
    title,
    ...(draft.department ? { department: draft.department } : {}),
    ...(draft.location ? { location: draft.location } : {}),
    ...(draft.headcount !== undefined ? { headcount: draft.headcount } : {}),
    duties: draft.duties,
    requirements: draft.requirements,
  };
}
