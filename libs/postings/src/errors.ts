/** A posting document cannot be read. The message is written for the person who uploaded it. */
export class PostingParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostingParseError';
  }
}
