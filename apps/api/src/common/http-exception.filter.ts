import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { CandidateErrorCode, ErrorResponse } from '@rubricon/contracts';
import type { Response } from 'express';
import { CandidateException } from './candidate-exception';

/**
 * The one place errors become responses: always `{ message }` with the right status, plus `code`
 * for a CandidateException (ErrorResponse). Anything that is not an HttpException is logged and
 * answered with a 500 that reveals nothing.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const { status, message, code } = toErrorResponse(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const body: ErrorResponse = code ? { message, code } : { message };
    if (!response.headersSent) response.status(status).json(body);
  }
}

export function toErrorResponse(exception: unknown): { status: number; message: string; code?: CandidateErrorCode } {
  // Only the message and the code leave the server, never the rest of the exception's body.
  if (exception instanceof CandidateException)
    return { status: exception.getStatus(), message: exception.message, code: exception.code };
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
      };
    }
    return { status: exception.getStatus(), message };
  }
  const status = httpStatusOf(exception);
  if (status) return { status, message: bodyParserMessage(exception, status) };
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Something went wrong on our side; it has been logged.' };
}

/** Errors from body-parser and multer carry a status and a type but are not HttpExceptions. */
function httpStatusOf(error: unknown): number | undefined {
  const status =
    (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function bodyParserMessage(error: unknown, status: number): string {
  const type = (error as { type?: string }).type;
  const limit = (error as { limit?: number }).limit;
  if (type === 'entity.too.large') return `The request body is too large (limit ${formatBytes(limit)}).`;
  if (type === 'entity.parse.failed') return 'The request body is not valid JSON.';
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return 'The request body must be UTF-8.';
  if (status === 413) return 'The request body is too large.';
  return error instanceof Error ? error.message : 'The request could not be read.';
}

function formatBytes(bytes?: number): string {
  if (!bytes) return 'exceeded';
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${Math.round(bytes / 1024)} KB`;
}
