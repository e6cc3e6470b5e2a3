import { OnModuleDestroy, UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  MAX_SOCKETS_PER_ATTEMPT,
  type AttemptClientEvents,
  type AttemptServerEvents,
  type SaveAnswerAck,
} from '@rubricon/contracts';
import type { Namespace, Socket } from 'socket.io';
import { AttemptEvents } from '../common/attempt-events';
import { answerUnknownEvents, handshakeRefusal, WsAckExceptionFilter, wsValidationPipe } from '../common/ws-ack.filter';
import { IntegrityEventDto } from '../integrity/integrity.dto';
import { SaveAnswerDto } from './attempts.dto';
import { AttemptsService } from './attempts.service';
import { CandidateTokens, type CandidateSession } from './candidate-tokens.service';

type AttemptSocket = Socket<AttemptClientEvents, AttemptServerEvents, Record<string, never>, CandidateSession>;

const room = (attemptId: string) => `attempt:${attemptId}`;
const KNOWN_EVENTS = new Set(['save-answer', 'report-event']);

/**
 * Autosave and integrity signals over socket.io; a socket only ever joins its own attempt's room.
 * Frames may be 1 MB: an answer at MAX_ANSWER_BYTES is at most 6× that as JSON (control characters
 * escape to \u00XX), so an over-long answer gets an ack that says so instead of a dropped connection.
 */
@WebSocketGateway({ namespace: '/attempts', maxHttpBufferSize: 1024 * 1024 })
@UseFilters(WsAckExceptionFilter)
@UsePipes(wsValidationPipe())
export class AttemptsGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly stopListening: () => void;

  @WebSocketServer() server: Namespace<AttemptClientEvents, AttemptServerEvents>;

  constructor(
    private readonly attempts: AttemptsService,
    private readonly tokens: CandidateTokens,
    events: AttemptEvents,
  ) {
    // Every instance hears every change and tells its own sockets (`local`): with several instances
    // each candidate socket is told once, by the instance it is connected to.
    this.stopListening = events.subscribe(
      ({ status, generation, ...change }) => {
        if (status === 'session-replaced' || status === 'session-ended')
          void this.endSessions(change.attemptId, status, generation);
        else this.server?.local.to(room(change.attemptId)).emit('attempt-state', { ...change, status });
      },
      { includeRemote: true },
    );
  }

  /**
   * Tells each socket of a session older than `generation` why it is over, then disconnects it; the
   * newest session's socket (it may connect before the event arrives) stays. Without a generation, all go.
   */
  private async endSessions(
    attemptId: string,
    code: 'session-replaced' | 'session-ended',
    generation: number | undefined,
  ): Promise<void> {
    if (!this.server) return;
    for (const socket of await this.server.local.in(room(attemptId)).fetchSockets()) {
      const data = socket.data as Partial<CandidateSession>;
      if (generation !== undefined && (data.generation ?? 0) >= generation) continue;
      socket.emit('session-ended', { attemptId, code });
      socket.disconnect(true);
    }
  }

  /** Refuses the handshake itself without a valid candidate token: the client gets connect_error with why. */
  afterInit(server: Namespace): void {
    server.use((socket, next) => {
      this.tokens
        .session(socket.handshake.auth?.token)
        .then((session) => {
          if (typeof session === 'string') return next(handshakeRefusal(session));
          const { attemptId } = session;
          socket.data = session;
          return server
            .in(room(attemptId))
            .fetchSockets()
            .then((open) => {
              if (open.length >= MAX_SOCKETS_PER_ATTEMPT)
                return next(handshakeRefusal('too-many-tabs', { count: open.length }));
              next();
            });
        })
        .catch(next);
    });
  }

  async handleConnection(socket: AttemptSocket): Promise<void> {
    const attemptId = socket.data.attemptId;
    // An event this namespace does not know still gets an answer, not silence.
    answerUnknownEvents(socket, KNOWN_EVENTS);
    await socket.join(room(attemptId));
    const view = await this.attempts.view(attemptId);
    socket.emit('attempt-state', {
      attemptId,
      status: view.status,
      remainingMs: view.remainingMs,
      deadline: view.deadline,
    });
  }

  @SubscribeMessage('save-answer')
  saveAnswer(@ConnectedSocket() socket: AttemptSocket, @MessageBody() dto: SaveAnswerDto): Promise<SaveAnswerAck> {
    // The session the socket opened with: once a newer one takes over, its saves are refused.
    return this.attempts.saveAnswer(socket.data, dto);
  }

  @SubscribeMessage('report-event')
  reportEvent(@ConnectedSocket() socket: AttemptSocket, @MessageBody() dto: IntegrityEventDto): Promise<{ ok: true }> {
    return this.attempts.recordEvent(socket.data.attemptId, dto);
  }

  onModuleDestroy(): void {
    this.stopListening();
  }
}
