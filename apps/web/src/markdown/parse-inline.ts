/** Inline Markdown (emphasis, code spans, links, hard breaks) to a plain tree; HTML stays text. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'br' };

// Nesting beyond this is flattened to text: bank content never needs it and it bounds recursion.
export const MAX_DEPTH = 8;

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|>~]/;

/** Only these link targets become links; anything else (javascript:, data:) stays plain text. */
export function safeHref(href: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

export function parseInline(source: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) {
      out.push({ type: 'text', text });
      text = '';
    }
  };
  const push = (node: Inline) => {
    flush();
    out.push(node);
  };
  const nested = (s: string) => (depth < MAX_DEPTH ? parseInline(s, depth + 1) : [{ type: 'text' as const, text: s }]);
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\' && ESCAPABLE.test(source[i + 1] ?? '')) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (source[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let close = source.indexOf(fence, i + run);
      while (close !== -1 && source[close + run] === '`') close = source.indexOf(fence, close + run + 1);
      if (close === -1) {
        text += fence;
        i += run;
        continue;
      }
      const code = source.slice(i + run, close);
      push({ type: 'code', text: /^ .* $/.test(code) ? code.slice(1, -1) : code });
      i = close + run;
      continue;
    }
    if ((c === '*' || c === '_' || c === '~') && !(c === '_' && /\w/.test(source[i - 1] ?? ''))) {
      const double = source[i + 1] === c;
      if (c === '~' && !double) {
        text += c;
        i++;
        continue;
      }
      const marker = double ? c + c : c;
      const close = findClose(source, marker, i + marker.length);
      if (close !== -1) {
        push({
          type: c === '~' ? 'del' : double ? 'strong' : 'em',
          children: nested(source.slice(i + marker.length, close)),
        });
        i = close + marker.length;
        continue;
      }
    }
    if (c === '[') {
      const link = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(source.slice(i));
      if (link) {
        const href = safeHref(link[2]);
        if (href) push({ type: 'link', href, children: nested(link[1]) });
        else text += link[1];
        i += link[0].length;
        continue;
      }
    }
    if (c === '\n') {
      push({ type: 'br' });
      i++;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/** The closing marker: content must not start or end with a space, and `_` must close at a word end. */
function findClose(source: string, marker: string, from: number): number {
  if (/\s/.test(source[from] ?? ' ')) return -1;
  let at = source.indexOf(marker, from + 1);
  while (at !== -1) {
    const single = marker.length === 1;
    const doubled = single && (source[at + 1] === marker || source[at - 1] === marker);
    const wordAfter = marker[0] === '_' && /\w/.test(source[at + marker.length] ?? '');
    if (!/\s/.test(source[at - 1]) && !doubled && !wordAfter) return at;
    at = source.indexOf(marker, at + 1);
  }
  return -1;
}
