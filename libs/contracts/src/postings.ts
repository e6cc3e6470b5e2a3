export type PostingLineKind = 'duty' | 'requirement';

export interface PostingSummary {
  id: string;
  title: string;
  department: string | null;
  location: string | null;
  headcount: number | null;
  dutyCount: number;
  requirementCount: number;
  createdAt: string;
}

/**
 * An unnumbered sub-heading inside a duty or requirement list (`模型全生命周期管理`, or `（一）技术能力`,
 * kept as `技术能力`):
 * kept as the label of the lines under it, never as a line itself. `start` indexes `duties` or
 * `requirements` (by `kind`); the group runs for `count` lines.
 */
export interface PostingLineGroup {
  kind: PostingLineKind;
  label: string;
  start: number;
  count: number;
}

export interface PostingDetail extends Omit<PostingSummary, 'dutyCount' | 'requirementCount'> {
  duties: string[];
  requirements: string[];
  /** The sub-headings the lines were found under, in order; empty when the lists have none. */
  groups: PostingLineGroup[];
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * What an import does with postings whose content is already stored (the same title, duties and
 * requirements, whitespace and full-width forms aside): `report` (the default) saves nothing when
 * there is any and lists them, so the person can choose; `skip` saves only the new ones; `import`
 * saves them all again.
 */
export const IMPORT_DUPLICATE_MODES = ['report', 'skip', 'import'] as const;
export type ImportDuplicateMode = (typeof IMPORT_DUPLICATE_MODES)[number];

/** A posting of the document whose content is already stored. */
export interface PostingDuplicate {
  /** Its position in the document, from 0. */
  index: number;
  title: string;
  /** The stored postings with the same content, oldest first. */
  existing: { id: string; title: string }[];
}

/** What the parser could not place or had to guess; see the codes in POSTING_WARNING_CODES. */
export const POSTING_WARNING_CODES = [
  'line-not-placed',
  'section-skipped',
  'description-skipped',
  'intro-skipped',
  'posting-skipped',
  'title-derived',
  'headcount-invalid',
  'sections-guessed',
  'role-split',
  'rows-before-header',
  'row-skipped',
  'quote-unclosed',
  'column-guessed',
] as const;
export type PostingWarningCode = (typeof POSTING_WARNING_CODES)[number];

/**
 * One thing an import noticed. `message` is the English wording; clients word `code` with
 * `params` in the reader's language. `posting` is the index (from 0) of the document's posting it
 * concerns, absent for the document as a whole; `line` is the 1-based line of the source file.
 */
export interface ImportWarning {
  code: PostingWarningCode;
  message: string;
  params: Record<string, string | number>;
  posting?: number;
  line?: number;
}

/** What the import found for one posting of the document, in document order, saved or not. */
export interface ImportedPostingReport {
  /** Its position in the document, from 0 (as in ImportWarning.posting and PostingDuplicate.index). */
  index: number;
  title: string;
  dutyCount: number;
  requirementCount: number;
  /** The duty and requirement lines as read, and their sub-headings, to check before generating. */
  duties: string[];
  requirements: string[];
  groups: PostingLineGroup[];
  /** The saved posting's id; absent when it was not saved (a duplicate skipped, or awaiting a choice). */
  id?: string;
}

export interface ImportPostingsResponse {
  format: string;
  /** Everything the parser noticed, document-wide and per posting. */
  warnings: ImportWarning[];
  /** Per posting of the document: the lines found, and whether and as what it was saved. */
  postings: ImportedPostingReport[];
  /** The postings saved by this import. */
  items: PostingDetail[];
  /** The document's postings already stored: skipped with `skip`, saved again with `import`. */
  duplicates: PostingDuplicate[];
  /** True when nothing was saved because `report` found duplicates: ask whether to skip them or import anyway. */
  awaitingChoice: boolean;
}
