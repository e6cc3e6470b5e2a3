/** Live co-editing: Yjs documents kept in step over socket.io, checked, persisted and replayed. */
export { checkUpdate, CODE_TEXT, type UpdateCheck } from './update-check';
export { readSyncMessage, syncStep1, syncStep2, syncUpdate, type SyncMessage } from './sync-messages';
export { readAwarenessUpdate, writeAwarenessUpdate, type AwarenessEntry } from './awareness-check';
export {
  CollabRoom,
  CollabRooms,
  type AwarenessResult,
  type CollabRoomsOptions,
  type CollabStore,
  type LogEntry,
  type StoredDoc,
  type SyncRefusal,
  type SyncResult,
  type UpdateOrigin,
} from './rooms';
export { DocClient, type CollabRefusal, type CollabSocket, type DocClientOptions } from './doc-client';
export { DocReplay, type ReplayEntry } from './replay';
export { fromWire, toWire } from './wire';
