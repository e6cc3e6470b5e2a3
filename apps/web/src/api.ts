import { isErrorCode, type ErrorCode } from '@rubricon/contracts';

/** The one place the web app talks HTTP: bearer token in, `{ message, code }` errors out. */
const TOKEN_KEY = 'rubricon.token';

/**
 * A refusal from the API (ErrorResponse): decide and word it by `code`, never by `message`, which
 * is the server's English. `code` is undefined only when the response did not come from the API's
 * error filter (a proxy's error page) or names a code this build does not know yet.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ErrorCode | undefined,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** `value` when it is a code of the contracts' ERRORS table, else undefined (absent, or from a newer server). */
export function knownCode(value: unknown): ErrorCode | undefined {
  return isErrorCode(value) ? value : undefined;
}

/** The ApiError for a failed response whose JSON body is `body`; without a message, the status text is it. */
export function apiError(res: Pick<Response, 'status' | 'statusText'>, body: unknown): ApiError {
  const { message, code, params } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return new ApiError(
    res.status,
    typeof message === 'string' ? message : res.statusText,
    knownCode(code),
    typeof params === 'object' && params !== null ? (params as Record<string, string | number>) : {},
  );
}

/** The staff token no longer opens anything: sign out. A wrong password at sign-in is not one of these. */
const SIGNED_OUT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'sign-in-required',
  'sign-in-expired',
  'account-inactive',
  'password-changed',
]);

export const session = {
  token: () => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** JSON in and out with a method: `send('PATCH', '/postings/1', { title })`. */
export function send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return api<T>(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
}

/**
 * The one HTTP client: JSON (or FormData) to `/api`, a bearer token when given, and every failure
 * thrown as an ApiError carrying the server's code. The staff app and the candidate page both use it.
 */
export async function request<T>(path: string, init: RequestInit = {}, token: string | null = null): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body && !(init.body instanceof FormData)) headers.set('Content-Type', 'application/json');
  const res = await fetch(`/api${path}`, { ...init, headers });
  if (res.status === 204) return undefined as T;
  const body: unknown = await res.json().catch(() => ({ message: res.statusText }));
  if (!res.ok) throw apiError(res, body);
  return body as T;
}

/** A staff call: the staff token, and sign-out when the server says the token no longer opens anything. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  try {
    return await request<T>(path, init, session.token());
  } catch (error) {
    if (error instanceof ApiError && error.code && SIGNED_OUT.has(error.code)) {
      session.clear();
      window.dispatchEvent(new Event('rubricon:signed-out'));
    }
    throw error;
  }
}
