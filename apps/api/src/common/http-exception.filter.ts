import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ERRORS, type ErrorCode, type ErrorParams, type ErrorResponse } from '@rubricon/contracts';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '../database/driver-errors';
import { ApiException } from './api-exception';

/**
 * The one place errors become responses: always `{ message, code }` (ErrorResponse) with the right
 * status. Anything that is not an HttpException is logged and answered with a 500 that reveals nothing.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const { status, ...body } = toErrorResponse(exception);
    if (status >= 500) this.log(exception, status);
    if (!response.headersSent) response.status(status).json(body);
  }

  /**
   * A failure we did not foresee gets its stack. A deliberate 5xx refusal (the database or the sandbox
   * busy, readiness failing) gets one line without one, and `shutting-down` none: the proxy polls
   * readiness every few seconds while an instance drains.
   */
  private log(exception: unknown, status: number): void {
    if (!(exception instanceof ApiException))
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    else if (exception.code !== 'shutting-down') this.logger.warn(`${status} ${exception.code}: ${exception.message}`);
  }
}

export function toErrorResponse(exception: unknown): ErrorResponse & { status: number } {
  // Only the message, the code and its params leave the server, never the rest of the exception's body.
  if (exception instanceof ApiException)
    return { status: exception.getStatus(), message: exception.message, code: exception.code, ...paramsOf(exception) };
  if (exception instanceof HttpException) {
    const body = exception.getResponse();
    const raw = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
    // Multer's own words; say which limits apply.
    if (exception.getStatus() === 413 && message === 'File too large') {
      return {
        status: 413,
        message:
          'The uploaded file is too large (a posting document may be up to 1 MB, a candidate list up to 200 KB).',
        code: 'body-too-large',
      };
    }
    return { status: exception.getStatus(), message, code: codeForStatus(exception.getStatus()) };
  }
  const status = httpStatusOf(exception);
  if (status) return bodyParserError(exception, status);
  if (isDatabaseUnavailable(exception))
    return { status: 503, message: ERRORS['database-unavailable'].message, code: 'database-unavailable' };
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    message: ERRORS['internal-error'].message,
    code: 'internal-error',
  };
}

/** `{ params }` when the refusal has any, so a refusal without placeholders keeps the plain `{ message, code }`. */
export function paramsOf(exception: ApiException): { params?: ErrorParams } {
  return Object.keys(exception.params).length > 0 ? { params: exception.params } : {};
}

/** Framework refusals (an unknown route, a multer limit, a throttler) get the code of their kind. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'not-found';
  if (status === 413) return 'body-too-large';
  if (status === 415) return 'unsupported-encoding';
  if (status === 429) return 'too-many-requests';
  if (status >= 500) return 'internal-error';
  return 'invalid-request';
}

/** Errors from body-parser and multer carry a status and a type but are not HttpExceptions. */
function httpStatusOf(error: unknown): number | undefined {
  const status =
    (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function bodyParserError(error: unknown, status: number): { status: number; message: string; code: ErrorCode } {
  const type = (error as { type?: string }).type;
  const limit = (error as { limit?: number }).limit;
  if (type === 'entity.too.large')
    return { status, message: `The request body is too large (limit ${formatBytes(limit)}).`, code: 'body-too-large' };
  if (type === 'entity.parse.failed') return { status, message: ERRORS['invalid-json'].message, code: 'invalid-json' };
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return { status, message: ERRORS['unsupported-encoding'].message, code: 'unsupported-encoding' };
  if (status === 413) return { status, message: 'The request body is too large.', code: 'body-too-large' };
  const message = error instanceof Error ? error.message : 'The request could not be read.';
  return { status, message, code: codeForStatus(status) };
}

function formatBytes(bytes?: number): string {
  if (!bytes) return 'exceeded';
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${Math.round(bytes / 1024)} KB`;
}
