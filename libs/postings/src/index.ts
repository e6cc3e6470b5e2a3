export type {
  LineGroup,
  ParsedPosting,
  ParseWarning,
  ParseWarningCode,
  PostingFormat,
  ParsedDocument,
  PostingInput,
} from './types';
export { PostingParseError, type PostingProblem, type PostingProblemParams } from './errors';
export { MAX_DOCUMENT_BYTES, decodeText, TextDecodeError, type DecodeWording } from './decode-input';
export { MAX_LINE_CHARS, MAX_LINES_PER_KIND, parsePostingsDocument } from './parse-postings-document';
