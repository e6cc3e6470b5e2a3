import { HttpException, type HttpStatus } from '@nestjs/common';
import type { CandidateErrorCode } from '@rubricon/contracts';

/**
 * A refusal a candidate can meet: the English message plus a code the candidate page shows in the
 * candidate's language (CandidateErrorCode). The exception filter and the socket ack filter pass
 * the code on; everything else about it is an ordinary HttpException.
 */
export class CandidateException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: CandidateErrorCode,
    message: string,
  ) {
    super({ message, code }, status);
  }
}
