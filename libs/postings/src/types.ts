export interface ParsedPosting {
  title: string;
  department?: string;
  location?: string;
  headcount?: number;
  duties: string[];
  requirements: string[];
}

export type PostingFormat = 'txt' | 'markdown' | 'tsv' | 'html';

export interface ParsedDocument {
  format: PostingFormat;
  postings: ParsedPosting[];
  warnings: string[];
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
  /** Leading indentation in columns; nested list items are indented. */
  indent?: number;
  /** The whole line was bold (`**Skills**`, `<p><strong>…</strong></p>`): a label or sub-heading. */
  strong?: boolean;
}
