/** A posting document cannot be read. The message is written for the person who uploaded it. */
export class PostingParseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PostingParseError';
  }
}
