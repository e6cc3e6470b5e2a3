import { createHash } from 'node:crypto';

/** What a posting says, as content: its title, then its duties, then its requirements, in order. */
export interface PostingContent {
  title: string;
  duties: string[];
  requirements: string[];
}

/**
 * A fingerprint of a posting's content that a re-import of the same text finds again: NFKC folds
 * full-width letters, digits and punctuation into their half-width forms (Ａ→A, ：→:), case is
 * ignored, and whitespace is dropped altogether (Chinese text is spaced arbitrarily and line
 * breaks move between exports). Department, location and headcount are labels, not content.
 */
export function postingContentHash(posting: PostingContent): string {
  const parts = [posting.title, '\u0001', ...posting.duties, '\u0002', ...posting.requirements];
  return createHash('sha256').update(parts.map(normalise).join('\u0000'), 'utf8').digest('hex');
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}
