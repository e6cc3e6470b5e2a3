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

export interface PostingDetail extends Omit<PostingSummary, 'dutyCount' | 'requirementCount'> {
  duties: string[];
  requirements: string[];
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

export interface ImportPostingsResponse {
  format: string;
  warnings: string[];
  /** The postings saved by this import. */
  items: PostingDetail[];
  /** The document's postings already stored: skipped with `skip`, saved again with `import`. */
  duplicates: PostingDuplicate[];
  /** True when nothing was saved because `report` found duplicates: ask whether to skip them or import anyway. */
  awaitingChoice: boolean;
}
