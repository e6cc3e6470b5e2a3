import {
  ArgumentsHost,
  type ArgumentMetadata,
  Catch,
  HttpException,
  Logger,
  ValidationPipe,
  type ExceptionFilter,
} from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { ERRORS, type SocketErrorAck } from '@rubricon/contracts';
import { ApiException, refuse } from './api-exception';
import { codeForStatus, paramsOf } from './http-exception.filter';
import { nestsDeeperThan, strictValidationOptions, tooDeeplyNested } from './validation';

/**
 * Socket handlers answer through the acknowledgement: `{ error }` with a message a person
 * understands, for bad payloads as for refused actions, and its `code` (SocketErrorAck); unexpected
 * errors are logged, not leaked.
 */
@Catch()
export class WsAckExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('SocketErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ack = host.getArgByIndex(2);
    let res: SocketErrorAck;
    if (exception instanceof ApiException)
      res = { error: exception.message, code: exception.code, ...paramsOf(exception) };
    else if (exception instanceof WsException) res = { error: String(exception.getError()), code: 'invalid-request' };
    else if (exception instanceof HttpException)
      res = { error: exception.message, code: codeForStatus(exception.getStatus()) };
    else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
      res = { error: ERRORS['internal-error'].message, code: 'internal-error' };
    }
    if (typeof ack === 'function') ack(res);
  }
}

export function wsValidationPipe(): ValidationPipe {
  return new WsValidationPipe();
}

/** Socket payloads never pass through express.json and its depth check (app.ts): they are measured here. */
class WsValidationPipe extends ValidationPipe {
  constructor() {
    super(strictValidationOptions((message) => refuse('invalid-request', message)));
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what is about to be validated (the payload), never the socket itself.
    if (metadata.metatype && this.toValidate(metadata) && nestsDeeperThan(value)) throw tooDeeplyNested('The message');
    return super.transform(value, metadata);
  }
}
