import * as Y from 'yjs';

/** The one shared type of every question's document: the code, as a Y.Text at the root. */
export const CODE_TEXT = 'code';

export type UpdateCheck =
  { ok: true } | { ok: false; problem: 'update-invalid' | 'update-not-allowed'; detail: string };

/**
 * Reads a Yjs update without applying it and says whether it only edits the code text: new items
 * either name the root text `code` as their parent or hang off an existing item (their origin), and
 * carry plain text, a deletion or a formatting mark; nothing else (maps, arrays, embedded types,
 * other roots) may enter a question's document. A truncated or garbled update is `update-invalid`.
 * Reading first means a refused update never touches the room's document.
 */
export function checkUpdate(update: Uint8Array): UpdateCheck {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return { ok: false, problem: 'update-invalid', detail: error instanceof Error ? error.message : String(error) };
  }
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
