import type { ErrorCode } from '@rubricon/contracts';
import type { PostingParseError, PostingProblem } from '@rubricon/postings';
import { ApiException, refuse } from '../common/api-exception';

// Each problem the reader names has a code the staff app words in zh and en; the rest keep the English detail.
const CODES: Record<Exclude<PostingProblem, 'unreadable'>, ErrorCode> = {
  'too-large': 'import-too-large',
  'not-text': 'file-not-text',
  'not-utf8': 'file-not-utf8',
  empty: 'import-empty',
  'unsupported-type': 'import-unsupported-type',
  'table-header-missing': 'import-table-header-missing',
  'table-columns-missing': 'import-table-columns-missing',
  'table-row-cells': 'import-table-row-cells',
  'no-duties': 'import-no-duties',
  'too-many-lines': 'import-too-many-lines',
  'line-too-long': 'import-line-too-long',
  'too-complex': 'import-too-complex',
};

/** Every refusal of a document the reader could not use, for the routes' OpenAPI docs. */
export const IMPORT_REFUSALS: ErrorCode[] = [...Object.values(CODES), 'import-unreadable'];

/** The refusal of a document the reader could not use: its problem's code and params. */
export function postingRefusal(error: PostingParseError): ApiException {
  if (error.problem === 'unreadable') return refuse('import-unreadable', error.message);
  return new ApiException(CODES[error.problem], error.params);
}
