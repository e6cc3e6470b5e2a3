/**
 * Characters that end or bend a header line: C0 controls (NUL, TAB, LF, CR, ...), DEL, C1 controls
 * (U+0080 to U+009F, NEL among them) and the Unicode line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** A surrogate without its partner: not encodable as UTF-8, so it becomes U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A value fit for one mail header line (a display name, a subject): control characters and line
 * separators become spaces, whitespace runs collapse to one space, the ends are trimmed, and the
 * result is at most `max` code points (a clipped value ends in '…', which counts towards `max`;
 * surrogate pairs are never split). This is what stops header injection: a candidate named
 * "Eve\r\nBcc: x@evil.test" stays one line, "Eve Bcc: x@evil.test".
 */
export function headerSafe(text: string, max = 200): string {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`headerSafe: max must be a positive integer, got ${max}`);
  const flat = text.replace(LONE_SURROGATE, '\uFFFD').replace(LINE_BREAKERS, ' ').replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  if (points.length <= max) return flat;
  return (
    points
      .slice(0, max - 1)
      .join('')
      .trimEnd() + '…'
  );
}
