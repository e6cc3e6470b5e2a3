import * as Y from 'yjs';

/** The one shared type of every question's document: the code, as a Y.Text at the root. */
export const CODE_TEXT = 'code';

export type UpdateCheck =
  { ok: true } | { ok: false; problem: 'update-invalid' | 'update-not-allowed' | 'update-out-of-step'; detail: string };

/**
 * Reads a Yjs update without applying it and says whether it only edits the code text: new items
 * either name the root text `code` as their parent or hang off an existing item (their origin), and
 * carry plain text, a deletion or a formatting mark; nothing else (maps, arrays, embedded types,
 * other roots) may enter a question's document. A truncated or garbled update is `update-invalid`.
 * Reading first means a refused update never touches the room's document.
 */
/** With `known` (the document's state vector), an update that builds on unknown changes is `update-out-of-step`. */
export function checkUpdate(update: Uint8Array, known?: Map<number, number>): UpdateCheck {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return { ok: false, problem: 'update-invalid', detail: error instanceof Error ? error.message : String(error) };
  }
  if (known && dependsOnUnknown(decoded, known))
    return { ok: false, problem: 'update-out-of-step', detail: 'it builds on changes the room does not have' };
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue; // GC and Skip carry no content
    const parent: unknown = struct.parent;
    if (typeof parent === 'string' && parent !== CODE_TEXT)
      return { ok: false, problem: 'update-not-allowed', detail: `root "${parent}"` };
    if (struct.parentSub !== null) return { ok: false, problem: 'update-not-allowed', detail: 'a map entry' };
    const content = struct.content;
    if (
      !(content instanceof Y.ContentString) &&
      !(content instanceof Y.ContentDeleted) &&
      !(content instanceof Y.ContentFormat)
    )
      return { ok: false, problem: 'update-not-allowed', detail: content.constructor.name };
  }
  return { ok: true };
}

/**
 * Whether an update builds on changes the document does not have (`known`: its state vector): a
 * gap in a client's clocks, an item whose neighbours or parent are unknown, a deletion of unknown
 * items. Yjs would keep such an update pending, invisible and unlogged, for ever, since what it
 * waits for was refused; the room refuses it instead, and the log and the snapshot stay in step.
 */
function dependsOnUnknown(decoded: ReturnType<typeof Y.decodeUpdate>, known: Map<number, number>): boolean {
  const have = new Map(known);
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return true;
    const { client, clock } = struct.id;
    const next = have.get(client) ?? 0;
    if (clock > next) return true;
    have.set(client, Math.max(next, clock + struct.length));
  }
  const knownId = (id: Y.ID | null | string) =>
    id === null || typeof id === 'string' || id.clock < (have.get(id.client) ?? 0);
  for (const struct of decoded.structs)
    if (
      struct instanceof Y.Item &&
      !(knownId(struct.origin) && knownId(struct.rightOrigin) && knownId(struct.parent as Y.ID | string | null))
    )
      return true;
  for (const [client, deletions] of decoded.ds.clients)
    for (const d of deletions) if (d.clock + d.len > (have.get(client) ?? 0)) return true;
  return false;
}
