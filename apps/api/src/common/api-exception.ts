import { HttpException } from '@nestjs/common';
import { ERRORS, errorMessage, type ErrorCode, type ErrorParams } from '@rubricon/contracts';

/**
 * Every refusal the API makes: a code from the contracts' `ERRORS` table, which gives its status and
 * its English wording; `params` fill the wording's `{name}` placeholders. The exception filter and
 * the socket ack filter send `{ message, code, params }` / `{ error, code, params }`, so clients can
 * word the code with the same values; params must never hold secrets or tokens.
 */
export class ApiException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    const message = errorMessage(code, params);
    super({ message, code }, ERRORS[code].status);
  }
}

/** `ApiException` for a code whose wording is all detail (validation, parse and sandbox messages). */
export const refuse = (code: ErrorCode, detail: string): ApiException => new ApiException(code, { detail });
