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
import {
  errorMessage,
  ERRORS,
  type ErrorCode,
  type ErrorParams,
  type SocketConnectErrorData,
  type SocketErrorAck,
} from '@rubricon/contracts';
import { isDatabaseUnavailable } from '../database/driver-errors';
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
    else if (isDatabaseUnavailable(exception))
      res = { error: ERRORS['database-unavailable'].message, code: 'database-unavailable' };
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

/** An event a namespace does not know still gets an answer through its acknowledgement, not silence. */
export function answerUnknownEvents(
  socket: { onAny(listener: (event: string, ...args: unknown[]) => void): unknown },
  known: ReadonlySet<string>,
): void {
  socket.onAny((event, ...args) => {
    const ack = args[args.length - 1];
    if (known.has(event) || typeof ack !== 'function') return;
    // The name comes back to the sender: a page-long one is cut, not echoed whole.
    const name = event.length > 60 ? `${event.slice(0, 60)}…` : event;
    const params = { event: name, known: [...known].join(', ') };
    ack({ error: errorMessage('unknown-event', params), code: 'unknown-event', params } satisfies SocketErrorAck);
  });
}

/** A refused handshake: socket.io sends the message and `data` to the client's connect_error. */
export function handshakeRefusal(code: ErrorCode, params: ErrorParams = {}): Error & { data: SocketConnectErrorData } {
  return Object.assign(new Error(errorMessage(code, params)), { data: { code } });
}
