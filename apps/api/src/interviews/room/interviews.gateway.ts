import { Logger, OnModuleDestroy, Optional, UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { fromWire, syncUpdate, toWire } from '@rubricon/collab';
import {
  ERRORS,
  MAX_AWARENESS_BYTES,
  MAX_DOC_UPDATE_BYTES,
  type InterviewClientEvents,
  type InterviewServerEvents,
  type SocketErrorAck,
} from '@rubricon/contracts';
import type { Namespace, Socket } from 'socket.io';
import { RedisConnections } from '../../cluster/redis-connections';
import { ApiException } from '../../common/api-exception';
import { paramsOf } from '../../common/http-exception.filter';
import {
  answerUnknownEvents,
  handshakeRefusal,
  WsAckExceptionFilter,
  wsValidationPipe,
} from '../../common/ws-ack.filter';
import { NoteDto, RevealDto, RunDto } from './room.dto';
import { InterviewRoomService, type RoomOutput } from './interview-room.service';
import {
  candidateRoomOf,
  docKeyOf,
  docRoomOf,
  roomOf,
  staffRoomOf,
  userRoomOf,
  type RoomSession,
} from './room-session';

/** Messages between API instances (socket.io serverSideEmit) when the API scales out. */
const PEER_DOC_UPDATE = 'peer:doc-update';
const PEER_INTERVIEW_CHANGED = 'peer:interview-changed';

type RoomSocket = Socket<InterviewClientEvents, InterviewServerEvents, Record<string, never>, RoomSession>;

const KNOWN_EVENTS = new Set([
  'doc:sync',
  'doc:awareness',
  'question:reveal',
  'interview:start',
  'interview:end',
  'code:run',
  'note:save',
]);

/**
 * The live interview room, socket.io namespace /interviews. The handshake decides who a socket is
 * (a panel member or the candidate); every event is then checked by InterviewRoomService against
 * that identity. Document messages (many per second) bypass Nest's pipeline: they are two fields,
 * checked by hand. Frames may carry a 64 KB update plus framing.
 */
@WebSocketGateway({ namespace: '/interviews', maxHttpBufferSize: 256 * 1024 })
@UseFilters(WsAckExceptionFilter)
@UsePipes(wsValidationPipe())
export class InterviewsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('InterviewsGateway');

  @WebSocketServer() server: Namespace<InterviewClientEvents, InterviewServerEvents>;

  constructor(
    private readonly room: InterviewRoomService,
    /** Present with scale-out: then other instances hold the same interviews (see listenToPeers). */
    @Optional() private readonly cluster?: RedisConnections,
  ) {}

  /**
   * Scale-out: document changes and interview changes made on other instances. Each instance
   * applies a document change to its own copy and relays it to its own sockets (so a socket only
   * ever gets changes its server's copy has: nothing it builds on can be out of step there), and
   * re-reads an interview another instance started, ended or moved on, then tells its own sockets.
   */
  private listenToPeers(server: Namespace): void {
    server.on(PEER_DOC_UPDATE, (docKey: unknown, update: unknown) => {
      if (typeof docKey === 'string' && update instanceof Uint8Array) this.room.applyRemoteDoc(docKey, update);
    });
    server.on(PEER_INTERVIEW_CHANGED, (interviewId: unknown) => {
      if (typeof interviewId !== 'string') return;
      void this.room
        .refreshLive(interviewId)
        .then((held) => (held ? this.sendState(interviewId) : undefined))
        .catch((error: unknown) => this.logger.warn(`interview ${interviewId} not refreshed: ${String(error)}`));
    });
  }

  afterInit(server: Namespace): void {
    server.use((socket, next) => {
      this.room
        .authenticate(socket.handshake.auth, socket.id)
        .then((session) => {
          socket.data = session;
          next();
        })
        .catch((error: unknown) => {
          if (error instanceof ApiException) return next(handshakeRefusal(error.code, paramsOf(error).params));
          this.logger.error(error instanceof Error ? error.stack : String(error));
          next(handshakeRefusal('internal-error'));
        });
    });
    this.room.connect(this.output());
    if (this.cluster) this.listenToPeers(server);
  }

  async handleConnection(socket: RoomSocket): Promise<void> {
    const s = socket.data;
    answerUnknownEvents(socket, KNOWN_EVENTS);
    // As Nest reads its events: the acknowledgement is the last argument, so a client that sends it
    // without a payload (or with extra arguments) still gets its refusal there, not silence.
    socket.on('doc:sync', (...args: unknown[]) => void this.docMessage(socket, ...payloadAndAck(args), 'sync'));
    socket.on(
      'doc:awareness',
      (...args: unknown[]) => void this.docMessage(socket, ...payloadAndAck(args), 'awareness'),
    );
    // The newest candidate session takes over: older candidate sockets are told, then closed.
    if (s.role === 'candidate')
      for (const old of await this.server.in(candidateRoomOf(s.interviewId)).fetchSockets()) {
        old.emit('session-ended', { code: 'session-replaced' });
        old.disconnect(true);
      }
    await socket.join([
      roomOf(s.interviewId),
      s.role === 'candidate' ? candidateRoomOf(s.interviewId) : staffRoomOf(s.interviewId),
      ...(s.userId ? [userRoomOf(s.interviewId, s.userId)] : []),
    ]);
    try {
      await this.room.join(s);
    } catch (error) {
      this.logger.error(error instanceof Error ? error.stack : String(error));
      socket.disconnect(true);
      return;
    }
    const note = await this.room.note(s).catch(() => null);
    if (note) socket.emit('note', note);
  }

  async handleDisconnect(socket: RoomSocket): Promise<void> {
    if (socket.data?.interviewId) await this.room.leave(socket.data);
  }

  /**
   * A document or cursor message: validated by hand (the hot path), never thrown. Step 1 comes with an
   * acknowledgement, which carries the reply; updates and cursors come without one, and only a
   * refusal is sent back (`doc:refused`).
   */
  private async docMessage(socket: RoomSocket, msg: unknown, ack: unknown, kind: 'sync' | 'awareness'): Promise<void> {
    const m = (typeof msg === 'object' && msg !== null ? msg : {}) as Record<string, unknown>;
    const questionId = typeof m.questionId === 'string' ? m.questionId : '';
    try {
      const max = kind === 'sync' ? MAX_DOC_UPDATE_BYTES : MAX_AWARENESS_BYTES;
      const bytes = fromWire(kind === 'sync' ? m.message : m.update, max);
      if (bytes === 'too-large') throw new ApiException('update-too-large', { kb: max / 1000 });
      if (!questionId || bytes === null)
        throw new ApiException('invalid-request', {
          detail: `${kind === 'sync' ? 'message' : 'update'} must be base64 text and questionId a string`,
        });
      const s = socket.data;
      const opened = s.docs.has(questionId);
      const result =
        kind === 'sync'
          ? await this.room.sync(s, { questionId, message: bytes })
          : await this.room.awareness(s, { questionId, update: bytes });
      if (typeof ack === 'function') ack('messages' in result ? { messages: result.messages.map(toWire) } : result);
      if (!opened && s.docs.has(questionId)) {
        // First use of this document: join its room and see everyone's cursors.
        await socket.join(docRoomOf(docKeyOf(s.interviewId, questionId)));
        const awareness = this.room.awarenessOf(s.interviewId, questionId);
        if (awareness) socket.emit('doc:awareness', { questionId, update: toWire(awareness) });
      }
    } catch (error) {
      const refusal = ackOf(error, this.logger);
      if (typeof ack === 'function') ack(refusal);
      else socket.emit('doc:refused', { ...refusal, questionId });
    }
  }

  @SubscribeMessage('question:reveal')
  async reveal(@ConnectedSocket() socket: RoomSocket, @MessageBody() dto: RevealDto): Promise<{ ok: true }> {
    await this.room.reveal(socket.data, dto.questionId);
    return { ok: true };
  }

  @SubscribeMessage('interview:start')
  async start(@ConnectedSocket() socket: RoomSocket): Promise<{ ok: true }> {
    await this.room.start(socket.data);
    return { ok: true };
  }

  @SubscribeMessage('interview:end')
  async end(@ConnectedSocket() socket: RoomSocket): Promise<{ ok: true }> {
    await this.room.end(socket.data);
    return { ok: true };
  }

  @SubscribeMessage('code:run')
  run(@ConnectedSocket() socket: RoomSocket, @MessageBody() dto: RunDto): Promise<{ runId: string }> {
    return this.room.run(socket.data, dto);
  }

  @SubscribeMessage('note:save')
  saveNote(@ConnectedSocket() socket: RoomSocket, @MessageBody() dto: NoteDto): Promise<{ savedAt: string }> {
    return this.room.saveNote(socket.data, dto.body);
  }

  /** How the room reaches sockets: the candidate's sockets only ever join rooms that carry what they may see. */
  private output(): RoomOutput {
    const questionOf = (docKey: string) => docKey.split('/')[1];
    return {
      changed: (interviewId) => {
        void this.sendState(interviewId);
        if (this.cluster) this.server.serverSideEmit(PEER_INTERVIEW_CHANGED, interviewId);
      },
      // Local sockets only: other instances relay the change to theirs (listenToPeers).
      docUpdate: (docKey, update, origin) => {
        const to = this.server.local.to(docRoomOf(docKey));
        (origin.from ? to.except(origin.from) : to).emit('doc:sync', {
          questionId: questionOf(docKey),
          message: toWire(syncUpdate(update)),
        });
      },
      docAwareness: (docKey, update, except) => {
        const to = this.server.to(docRoomOf(docKey));
        (except ? to.except(except) : to).emit('doc:awareness', {
          questionId: questionOf(docKey),
          update: toWire(update),
        });
      },
      runStarted: (interviewId, run) => this.server.to(roomOf(interviewId)).emit('run:started', run),
      runResult: (interviewId, run) => this.server.to(roomOf(interviewId)).emit('run:result', run),
      note: (interviewId, userId, note) => this.server.to(userRoomOf(interviewId, userId)).emit('note', note),
      publishDoc: (docKey, update) => this.server.serverSideEmit(PEER_DOC_UPDATE, docKey, update),
      endCandidateSessions: (interviewId, code) =>
        void this.server
          .in(candidateRoomOf(interviewId))
          .fetchSockets()
          .then((sockets) => {
            for (const socket of sockets) {
              socket.emit('session-ended', { code });
              socket.disconnect(true);
            }
          }),
    };
  }

  /**
   * Each socket connected here gets its own state (`you`) and its audience's questions. Who is online
   * counts the sockets of every instance; with scale-out the others tell their own sockets.
   */
  private async sendState(interviewId: string): Promise<void> {
    const everywhere = this.cluster
      ? await this.server
          .in(roomOf(interviewId))
          .fetchSockets()
          .catch(() => null)
      : null;
    const online = everywhere
      ? new Set(everywhere.map((socket) => (socket.data as RoomSession).participant.id))
      : undefined;
    for (const socket of await this.server.local.in(roomOf(interviewId)).fetchSockets()) {
      const s = socket.data as RoomSession;
      try {
        socket.emit('room:state', this.room.state(s, online));
        socket.emit('room:questions', this.room.questions(s));
      } catch {
        // The interview left memory (everyone disconnected) while this ran: nothing to send.
      }
    }
  }

  onModuleDestroy(): void {
    this.room.connect({
      changed: () => undefined,
      docUpdate: () => undefined,
      docAwareness: () => undefined,
      runStarted: () => undefined,
      runResult: () => undefined,
      note: () => undefined,
      endCandidateSessions: () => undefined,
    });
  }
}

/** The payload and the acknowledgement of an event's arguments; several payload arguments come as one list (refused). */
function payloadAndAck(args: unknown[]): [unknown, unknown] {
  const ack = typeof args[args.length - 1] === 'function' ? args[args.length - 1] : undefined;
  const payload = ack ? args.slice(0, -1) : args;
  return [payload.length === 1 ? payload[0] : payload, ack];
}

function ackOf(error: unknown, logger: Logger): SocketErrorAck {
  if (error instanceof ApiException) return { error: error.message, code: error.code, ...paramsOf(error) };
  logger.error(error instanceof Error ? error.stack : String(error));
  return { error: ERRORS['internal-error'].message, code: 'internal-error' };
}
