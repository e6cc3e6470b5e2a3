/** Typed errors the API maps to HTTP statuses (InvalidRunError 400, QueueFullError 429/503). */

/**
 * A run the sandbox refuses. `problem` names what a person (not a program) can fix, for the API to
 * give it a code: empty code, or code over the size limit (`params`: bytes, max).
 */
export class InvalidRunError extends Error {
  readonly code = 'SANDBOX_INVALID_RUN';
  constructor(
    message: string,
    readonly problem?: 'code-empty' | 'code-too-long',
    readonly params: Record<string, number> = {},
  ) {
    super(message);
    this.name = 'InvalidRunError';
  }
}

export class QueueFullError extends Error {
  readonly code = 'SANDBOX_QUEUE_FULL';
  constructor(readonly queueLimit: number) {
    super(`The code runner is busy (${queueLimit} runs already waiting); try again in a few seconds.`);
    this.name = 'QueueFullError';
  }
}

/** One candidate (or session) already has as many runs in flight as allowed. */
export class TooManyRunsError extends Error {
  readonly code = 'SANDBOX_TOO_MANY_RUNS';
  constructor(readonly limit: number) {
    super(
      limit === 1
        ? 'A run is already in progress; wait for it to finish.'
        : `You already have ${limit} runs in progress; wait for them to finish.`,
    );
    this.name = 'TooManyRunsError';
  }
}

export class PoolClosedError extends Error {
  readonly code = 'SANDBOX_POOL_CLOSED';
  constructor() {
    super('The code runner is shutting down.');
    this.name = 'PoolClosedError';
  }
}
