/**
 * Remote cursors in the shared editor. y-monaco marks another participant's selection with the
 * classes `yRemoteSelection-<clientID>` and their caret with `yRemoteSelectionHead-<clientID>`, but
 * colours nothing: this turns the room's awareness states (whose `user` the server stamps with the
 * person's real name and colour) into one stylesheet, the caret labelled with the name.
 * Awareness comes from other browsers, so colours are checked and names escaped before they reach CSS.
 */
export interface RemoteCursor {
  clientId: number;
  name: string;
  colour: string;
}

/** Colours as the server gives them (#rgb, #rrggbb, hsl(), rgb()); anything else is refused. */
const SAFE_COLOUR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\(\s*[\d.%\s,/deg-]+\))$/i;
const FALLBACK = '#6b7280';

export function safeColour(value: unknown): string {
  return typeof value === 'string' && SAFE_COLOUR.test(value.trim()) ? value.trim() : FALLBACK;
}

/** The other participants with a cursor in this document, by client id. */
export function remoteCursors(states: Map<number, Record<string, unknown>>, selfId: number): RemoteCursor[] {
  const cursors: RemoteCursor[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfId || !state) continue;
    const user = (state.user ?? {}) as { name?: unknown; colour?: unknown; color?: unknown };
    const name = typeof user.name === 'string' ? user.name.slice(0, 60) : '';
    cursors.push({ clientId, name, colour: safeColour(user.colour ?? user.color) });
  }
  return cursors.sort((a, b) => a.clientId - b.clientId);
}

/** A CSS string literal: every character that could end or bend it written as a hex escape. */
export function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} _.@-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/** The stylesheet for these cursors: a tinted selection, a caret in the person's colour, their name above it. */
export function cursorCss(cursors: RemoteCursor[]): string {
  return cursors
    .map(({ clientId: id, name, colour }) =>
      [
        `.yRemoteSelection-${id} { background-color: color-mix(in srgb, ${colour} 28%, transparent); }`,
        `.yRemoteSelectionHead-${id} { border-left: 2px solid ${colour}; }`,
        `.yRemoteSelectionHead-${id}::after { content: ${cssString(name)}; background: ${colour}; }`,
      ].join('\n'),
    )
    .join('\n');
}
