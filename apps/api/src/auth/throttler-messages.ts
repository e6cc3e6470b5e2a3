import { ERRORS } from '@rubricon/contracts';

/** The module-wide 429 message, for a route throttled by the plain ThrottlerGuard. */
export const REQUESTS_LIMIT_MESSAGE = ERRORS['too-many-requests'].message;
/** For the code-run throttler guards, which say what they count. */
export const RUNS_LIMIT_MESSAGE = ERRORS['too-many-runs'].message;
