/** The one place the web app talks HTTP: bearer token in, `{ message }` errors out. */
const TOKEN_KEY = 'rubricon.token';

/** `code`: what candidate refusals carry besides the message (ErrorResponse); staff routes send none. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export const session = {
  token: () => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const token = session.token();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body && !(init.body instanceof FormData)) headers.set('Content-Type', 'application/json');
  const res = await fetch(`/api${path}`, { ...init, headers });
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => ({ message: res.statusText }));
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/auth/login')) {
      session.clear();
      window.dispatchEvent(new Event('rubricon:signed-out'));
    }
    throw new ApiError(res.status, body.message ?? res.statusText);
  }
  return body as T;
}
