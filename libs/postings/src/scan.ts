/*
 * Small helpers for hand-written scanners. Regular expressions with a lazy or unbounded part
 * before a required delimiter (`<!--[\s\S]*?-->`, `[^>]*>`) rescan the rest of the input from
 * every start when the delimiter never comes: quadratic time on a crafted upload. These scanners
 * remember where the next delimiter is, so each part of the input is read a bounded number of times.
 */

/**
 * `find(at)` returns the first index ≥ at where something occurs, or -1. The memo answers again
 * without searching while the answer cannot have changed, so rising `at` values cost linear time.
 */
export function memoFirst(find: (at: number) => number): (at: number) => number {
  let from = Infinity;
  let found = -1;
  return (at) => {
    // The last search covered [from, found]: nothing occurs in between, so for `at` in that range
    // the answer is the same (and -1 stays -1 for every later `at`).
    if (at >= from && (found === -1 || found >= at)) return found;
    from = at;
    found = find(at);
    return found;
  };
}

/** The first index ≥ at of `needle` in `haystack`, memoised as in memoFirst. */
export function memoIndexOf(haystack: string, needle: string): (at: number) => number {
  return memoFirst((at) => haystack.indexOf(needle, at));
}

const WHITESPACE = /\s/;

/** Whether the UTF-16 unit at `index` is whitespace as `\s` means it (index out of range: no). */
export function isSpaceAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WHITESPACE.test(text[index]);
}

/** The index after the run of `\s` whitespace starting at `index`. */
export function skipSpace(text: string, index: number): number {
  let i = index;
  while (isSpaceAt(text, i)) i++;
  return i;
}
