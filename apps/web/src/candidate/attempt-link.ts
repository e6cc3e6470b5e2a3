import { io, type Socket } from 'socket.io-client';
import type {
  AttemptClientEvents,
  AttemptServerEvents,
  CandidateErrorCode,
  IntegrityEventRequest,
  SaveAnswerAck,
  SaveAnswerRequest,
  SocketErrorAck,
} from '@rubricon/contracts';
import { ApiError } from '../api';
import type { AttemptClient } from './candidate-api';
import type { CodedError } from './error-messages';

export type AttemptState = Parameters<AttemptServerEvents['attempt-state']>[0];

/** A save the server refused over the socket; `code` as in the acknowledgement, when it sent one. */
export class SaveFailed extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A refusal the server will repeat on retry (stale version, past the deadline, submitted). */
export class SaveRefused extends SaveFailed {}

const FINAL_REFUSALS: ReadonlySet<string> = new Set<CandidateErrorCode>([
  'stale-version',
  'version-skipped',
  'time-up',
  'already-submitted',
]);

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
    this.socket.on('connect', () => onConnection(true));
    this.socket.on('disconnect', () => onConnection(false));
    this.socket.on('connect_error', (error) => onConnection(false, refusalOf(error)));
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
      if (res && 'error' in res)
        throw isFinalRefusal(res) ? new SaveRefused(res.error, res.code) : new SaveFailed(res.error, res.code);
      if (res) return res;
      // No ack in time: the REST fallback below carries the same version, so at most one lands.
    }
    const { attemptId: _, questionId, ...body } = req;
    try {
      return await this.client.call<SaveAnswerAck>(`/answers/${encodeURIComponent(questionId)}`, 'PUT', body);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 409 || e.status === 410)) throw new SaveRefused(e.message, e.code);
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

/** By code; the words only for a refusal without one. */
function isFinalRefusal(res: SocketErrorAck): boolean {
  return res.code ? FINAL_REFUSALS.has(res.code) : /version|stale|deadline|submitted|expired|conflict/i.test(res.error);
}

/** A handshake the server refused carries `data: { code }` (SocketConnectErrorData); a network failure does not. */
function refusalOf(error: Error & { data?: { code?: unknown } }): CodedError | undefined {
  const code = error.data?.code;
  return typeof code === 'string' ? { message: error.message, code } : undefined;
}
