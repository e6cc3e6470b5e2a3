/** The 429 messages: each throttler guard that counts something specific says so (getErrorMessage). */
export const SIGN_IN_LIMIT_MESSAGE = 'Too many sign-in attempts; wait a minute and try again.';
export const RUNS_LIMIT_MESSAGE = 'Too many code runs; wait a minute and try again.';
/** The module-wide default, for a route throttled by the plain ThrottlerGuard. */
export const REQUESTS_LIMIT_MESSAGE = 'Too many requests; wait a minute and try again.';
