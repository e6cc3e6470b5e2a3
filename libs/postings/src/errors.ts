/**
 * What is wrong with a document, for the API to name with a stable code (clients word it in the
 * reader's language): `unreadable` is the catch-all for what has no name of its own.
 */
export type PostingProblem =
  | 'too-large'
  | 'not-text'
  | 'not-utf8'
  | 'empty'
  | 'unsupported-type'
  | 'table-header-missing'
  | 'table-columns-missing'
  | 'table-row-cells'
  | 'no-duties'
  | 'too-many-lines'
  | 'line-too-long'
  | 'too-complex'
  | 'unreadable';

/** The values in the English message, for the client to word the problem with; never the document itself. */
export type PostingProblemParams = Record<string, string | number>;

/** A posting document cannot be read. The message is written for the person who uploaded it. */
export class PostingParseError extends Error {
  readonly problem: PostingProblem;
  readonly params: PostingProblemParams;

  constructor(
    message: string,
    detail: { problem?: PostingProblem; params?: PostingProblemParams } & ErrorOptions = {},
  ) {
    super(message, detail.cause === undefined ? undefined : { cause: detail.cause });
    this.name = 'PostingParseError';
    this.problem = detail.problem ?? 'unreadable';
    this.params = detail.params ?? {};
  }
}
