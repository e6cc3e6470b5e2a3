export interface ParsedPosting {
  title: string;
  department?: string;
  location?: string;
  headcount?: number;
  duties: string[];
  requirements: string[];
  /** Sub-headings inside the lists, kept as labels of the lines under them; absent when there are none. */
  groups?: LineGroup[];
}

/** A sub-heading and the lines under it: `start` indexes duties or requirements, by `kind`. */
export interface LineGroup {
  kind: 'duty' | 'requirement';
  label: string;
  start: number;
  count: number;
}

export type ParseWarningCode =
  /** A line the parser could not place in any posting's duties or requirements. */
  | 'line-not-placed'
  /** A section that is not duties or requirements (benefits, about us): its lines were not imported. */
  | 'section-skipped'
  /** A general description (职位描述) was set aside because the posting lists its duties under their own heading. */
  | 'description-skipped'
  /** Introductory lines before a posting's first section were not imported. */
  | 'intro-skipped'
  /** A titled part of the document had no duty lines and did not become a posting. */
  | 'posting-skipped'
  | 'title-derived'
  | 'headcount-invalid'
  /** No duties/requirements headings: lists were read as duties, a numbering restart as requirements. */
  | 'sections-guessed'
  /** One document held several roles (（策略岗）, （模型岗）) and was split into one posting each. */
  | 'role-split'
  /** Lines before a table's header row were not read as postings. */
  | 'rows-before-header'
  /** A table row without duty lines was skipped. */
  | 'row-skipped'
  /** A `"` at the start of a cell had no closing quote in its cell and was read as text. */
  | 'quote-unclosed'
  /** A table column was matched by a partial name (`主要工作职责` → duties). */
  | 'column-guessed';

/**
 * Something the parser had to guess or could not place. `message` is English; `params` lets a
 * client word it in another language. `posting` indexes ParsedDocument.postings; `line` is 1-based.
 */
export interface ParseWarning {
  code: ParseWarningCode;
  message: string;
  params: Record<string, string | number>;
  posting?: number;
  line?: number;
}

export type PostingFormat = 'txt' | 'markdown' | 'tsv' | 'html';

export interface ParsedDocument {
  format: PostingFormat;
  postings: ParsedPosting[];
  warnings: ParseWarning[];
}

export interface PostingInput {
  content: Buffer | string;
  filename?: string;
}

/**
 * One logical line of a document after format-specific reading. Every reader (text, markdown,
 * HTML) produces these so that sectioning and item splitting are written once.
 */
export interface DocLine {
  text: string;
  kind: 'heading' | 'item' | 'text';
  /** Heading level (1-6) for headings. */
  level?: number;
  /** The number of a numbered list item (`3.` → 3); absent for bullets and text. */
  ordinal?: number;
  /**
   * How the item was marked: a numbering style (`dot`, `paren`, `circled`, `cn-paren`, `cn-dot`),
   * `bullet:<char>`, or `li` for an HTML list item. Items of one list share it; a line marked
   * differently from the items under it is their sub-heading.
   */
  marker?: string;
  /** Leading indentation in columns; nested list items are indented. */
  indent?: number;
  /** The 1-based line of the source document this line starts on. */
  source?: number;
  /** The whole line was bold (`**Skills**`, `<p><strong>…</strong></p>`): a label or sub-heading. */
  strong?: boolean;
}
