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
import type { SocketErrorAck } from '@rubricon/contracts';
import { CandidateException } from './candidate-exception';
import { nestsDeeperThan, strictValidationOptions, tooDeeplyNested } from './validation';

/**
 * Socket handlers answer through the acknowledgement: `{ error }` with a message a person
 * understands, for bad payloads as for refused actions, plus `code` for a CandidateException
 * (SocketErrorAck); unexpected errors are logged, not leaked.
 */
@Catch()
export class WsAckExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('SocketErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ack = host.getArgByIndex(2);
    let message: string;
    if (exception instanceof WsException) message = String(exception.getError());
    else if (exception instanceof HttpException) message = exception.message;
    else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
      message = 'Something went wrong on our side; it has been logged.';
    }
    const res: SocketErrorAck =
      exception instanceof CandidateException ? { error: message, code: exception.code } : { error: message };
    if (typeof ack === 'function') ack(res);
  }
}

export function wsValidationPipe(): ValidationPipe {
  return new WsValidationPipe();
}

/** Socket payloads never pass through express.json and its depth check (app.ts): they are measured here. */
class WsValidationPipe extends ValidationPipe {
  constructor() {
    super(strictValidationOptions((message) => new WsException(message)));
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what is about to be validated (the payload), never the socket itself.
    if (metadata.metatype && this.toValidate(metadata) && nestsDeeperThan(value))
      throw new WsException(tooDeeplyNested('The message'));
    return super.transform(value, metadata);
  }
}
