import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { connectCandidate } from '../factories/attempts';
import type { TestApp } from './test-app';

/** A staff member's requests, with their bearer token set. */
export function staffApi(url: string, token: string) {
  return (method: 'get' | 'post' | 'patch', path: string) =>
    request(url)[method](path).set('Authorization', `Bearer ${token}`);
}

/**
 * The candidate's REST routes with a session token. With `received`, every response body is kept
 * there, for tests that check what a candidate was ever sent.
 */
export function candidateApi(url: string, token: string, received?: string[]) {
  const call = (method: 'get' | 'post' | 'put', path: string, body?: object) => {
    const req = request(url)[method](`/api/candidate${path}`).set('Authorization', `Bearer ${token}`);
    if (received) req.on('response', (res) => received.push(res.text));
    return body ? req.send(body) : req;
  };
  return {
    view: () => call('get', '/attempt'),
    start: () => call('post', '/attempt/start'),
    save: (questionId: string, body: object) => call('put', `/attempt/answers/${questionId}`, body),
    run: (body: object) => call('post', '/attempt/runs', body),
    submit: () => call('post', '/attempt/submit'),
    signal: (body: object) => call('post', '/attempt/events', body),
  };
}

/**
 * Candidate sockets on the suite's server, disconnected after each test. With `received`, the
 * first attempt state and every later event are kept there.
 */
export function useCandidateSockets(suite: { readonly server: TestApp }) {
  const open: Socket[] = [];
  afterEach(() => {
    for (const socket of open.splice(0)) socket.disconnect();
  });
  return {
    connect: async (token: string, received?: string[]): Promise<Socket> => {
      const { socket, firstState } = await connectCandidate(suite.server.url, token);
      open.push(socket);
      if (received) {
        received.push(JSON.stringify(firstState));
        socket.onAny((_event, ...args) => received.push(JSON.stringify(args)));
      }
      return socket;
    },
    /** The error of a refused handshake, or undefined when the socket connects after all. */
    refusal: (token: string): Promise<(Error & { data?: unknown }) | undefined> =>
      connectCandidate(suite.server.url, token).then(
        ({ socket }) => {
          open.push(socket);
          return undefined;
        },
        (error: Error & { data?: unknown }) => error,
      ),
  };
}
