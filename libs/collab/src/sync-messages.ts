import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as sync from 'y-protocols/sync';

/** A y-protocols sync message, read: step 1 carries a state vector, step 2 and update carry an update. */
export type SyncMessage = { type: 'step1'; stateVector: Uint8Array } | { type: 'step2' | 'update'; update: Uint8Array };

/** Reads a sync message's frame without applying anything; throws on a malformed one. */
export function readSyncMessage(message: Uint8Array): SyncMessage {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the sync message');
  if (type === sync.messageYjsSyncStep1) return { type: 'step1', stateVector: payload };
  if (type === sync.messageYjsSyncStep2) return { type: 'step2', update: payload };
  if (type === sync.messageYjsUpdate) return { type: 'update', update: payload };
  throw new Error(`unknown sync message type ${type}`);
}

function frame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const syncStep1 = (stateVector: Uint8Array) => frame(sync.messageYjsSyncStep1, stateVector);
export const syncStep2 = (update: Uint8Array) => frame(sync.messageYjsSyncStep2, update);
export const syncUpdate = (update: Uint8Array) => frame(sync.messageYjsUpdate, update);
