import { describe, expect, it } from '@jest/globals';
import { errorMessage } from '@rubricon/contracts';
import { apiError, ApiError } from './api';

describe(ApiError.name, () => {
  const conflict = { status: 409, statusText: 'Conflict' };

  it("carries the server's code and message from an ErrorResponse", () => {
    const error = apiError(conflict, { message: errorMessage('email-taken', { email: 'a@b.c' }), code: 'email-taken' });
    expect(error).toMatchObject({
      status: 409,
      code: 'email-taken',
      message: 'A user with the email a@b.c already exists.',
    });
  });

  it("keeps a newer server's message but no code this build cannot switch on", () => {
    expect(apiError(conflict, { message: 'Something newer.', code: 'a-code-from-a-newer-server' })).toMatchObject({
      code: undefined,
      message: 'Something newer.',
    });
    expect(apiError(conflict, { message: 'plain', code: 'toString' }).code).toBeUndefined();
  });

  it('says the status text for a body that is not an ErrorResponse', () => {
    expect(apiError({ status: 502, statusText: 'Bad Gateway' }, null)).toMatchObject({
      status: 502,
      code: undefined,
      message: 'Bad Gateway',
    });
    expect(apiError({ status: 502, statusText: 'Bad Gateway' }, ['not', 'an', 'object']).message).toBe('Bad Gateway');
  });
});
