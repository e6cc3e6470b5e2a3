import { ConsoleLogger, type ConsoleLoggerOptions, type LogLevel } from '@nestjs/common';
import { RequestContext } from './request-context';

/**
 * Nest's console logger, plus the id of the request (or socket event) being served when the line is
 * written: a `requestId` field in JSON, `[req <id>]` after the context in text. The id comes from
 * RequestContext (AsyncLocalStorage), so the many `new Logger(...)` in services need no change: Nest
 * routes them all to the app's logger. Lines written outside a request (timers, start-up) have none.
 */
export class RequestLogger extends ConsoleLogger {
  constructor(options: ConsoleLoggerOptions = {}) {
    super(options);
  }

  protected override getJsonLogObject(
    message: unknown,
    options: { context: string; logLevel: LogLevel; writeStreamType?: 'stdout' | 'stderr'; errorStack?: unknown },
  ) {
    const line = super.getJsonLogObject(message, options);
    const requestId = RequestContext.requestId();
    return requestId ? { ...line, requestId } : line;
  }

  protected override formatContext(context: string): string {
    const requestId = RequestContext.requestId();
    const formatted = super.formatContext(context);
    return requestId ? `${formatted}[req ${requestId}] ` : formatted;
  }
}

/**
 * The app's logger: `createApp(config, logger)` takes Nest's `logger` option, where tests often pass
 * only the levels to print (`['error']`); those still get request ids.
 */
export function appLogger(format: 'json' | 'text', levels?: LogLevel[]): RequestLogger {
  return new RequestLogger({ json: format === 'json', prefix: 'rubricon', ...(levels ? { logLevels: levels } : {}) });
}
