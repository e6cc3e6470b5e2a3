import { io, type Socket } from 'socket.io-client';
import type {
  AttemptClientEvents,
  AttemptServerEvents,
  ErrorCode,
  IntegrityEventRequest,
  SaveAnswerAck,
  SaveAnswerRequest,
} from '@rubricon/contracts';
import { ApiError, knownCode } from '../api';
import type { AttemptClient } from './candidate-api';
import type { CodedError } from '../i18n/errors';
import { isFinalSaveRefusal, sessionEndOf } from './save-refusals';

export type AttemptState = Parameters<AttemptServerEvents['attempt-state']>[0];

/** A save the server refused over the socket; `code` as acknowledged, if this build knows it. */
export class SaveFailed extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode | undefined,
  ) {
    super(message);
  }
}

/** A refusal the server will repeat on retry (stale version, past the deadline, submitted): see save-refusals.ts. */
export class SaveRefused extends SaveFailed {}

const ACK_TIMEOUT_MS = 8000;

/**
 * The live line to the server for one attempt: socket.io when connected, the REST twins of each
 * event otherwise, so a flaky network only changes the transport, never what gets saved.
 */
export class AttemptLink {
  private readonly socket: Socket<AttemptServerEvents, AttemptClientEvents>;

  constructor(
    private readonly client: AttemptClient,
    onState: (state: AttemptState) => void,
    /** `refusal`: the server refused the connection itself and said why (an ended session, too many tabs). */
    onConnection: (connected: boolean, refusal?: CodedError) => void,
  ) {
    this.socket = io('/attempts', { path: '/socket.io', auth: { token: client.accessToken } });
    this.socket.on('attempt-state', onState);
    // Another window took over, or the link changed: said at once, before the server disconnects.
    this.socket.on('session-ended', ({ code }) => client.end(code));
    this.socket.on('connect', () => onConnection(true));
    this.socket.on('disconnect', () => onConnection(false));
    this.socket.on('connect_error', (error) => {
      const refusal = refusalOf(error);
      // An instance that is shutting down refuses new sessions; another takes them a moment later.
      if (refusal?.code === 'shutting-down') return void setTimeout(() => this.socket.connect(), 1_000);
      const ended = sessionEndOf(knownCode(refusal?.code));
      if (ended) client.end(ended);
      onConnection(false, refusal);
    });
  }

  close(): void {
    this.socket.close();
  }

  async save(req: SaveAnswerRequest): Promise<SaveAnswerAck> {
    if (this.socket.connected) {
      const res = await this.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('save-answer', req)
        .catch(() => null);
      if (res && 'error' in res) {
        const ended = sessionEndOf(knownCode(res.code));
        if (ended) this.client.end(ended);
        throw refused(res.error, knownCode(res.code));
      }
      if (res) return res;
      // No ack in time: the REST fallback below carries the same version, so at most one lands.
    }
    const { attemptId: _, questionId, ...body } = req;
    try {
      return await this.client.call<SaveAnswerAck>(`/answers/${encodeURIComponent(questionId)}`, 'PUT', body);
    } catch (e) {
      if (e instanceof ApiError && isFinalSaveRefusal(e.code)) throw new SaveRefused(e.message, e.code);
      throw e;
    }
  }

  /** Integrity signals are advisory: a lost one is not worth bothering the candidate about. */
  report(event: IntegrityEventRequest): void {
    if (this.socket.connected) {
      this.socket.timeout(ACK_TIMEOUT_MS).emit('report-event', event, () => undefined);
      return;
    }
    this.client.call('/events', 'POST', event).catch(() => undefined);
  }
}

/** Decided by the code alone, as for the REST twin in `save`. */
function refused(message: string, code: ErrorCode | undefined): SaveFailed {
  return isFinalSaveRefusal(code) ? new SaveRefused(message, code) : new SaveFailed(message, code);
}

/**
 * A handshake the server refused carries `data: { code }` (SocketConnectErrorData); a network
 * failure does not. A code this build does not know is still a refusal, shown in the server's words.
 */
function refusalOf(error: Error & { data?: { code?: unknown } }): CodedError | undefined {
  const code = error.data?.code;
  return typeof code === 'string' ? { message: error.message, code: knownCode(code) } : undefined;
}
