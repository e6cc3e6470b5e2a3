import { PostingParseError, parsePostingsDocument } from './index';
import { matchLabel } from './labels';
import { threadCpuMs as cpuMs } from './testing/cpu-time';

/*
 * Each family is an input shape that once made a regular expression (or a loop) in this library
 * take quadratic time: a 100 KB upload then blocked the API's event loop for seconds to minutes.
 * The test parses ~10 KB and ~100 KB of each and requires the larger to take at most ten times as
 * long. Time is the main thread's CPU time (`testing/cpu-time.ts`), best of a few runs: the
 * machine is shared, and wall time counts other processes' work too.
 */
const SMALL = 10_000;
const LARGE = 100_000;
/**
 * Below this, times are noise (timer grain, a GC pause, a busy CI machine): the budget never drops
 * under 10 × this. Quadratic inputs took seconds at 100 KB, far above any such budget.
 */
const FLOOR_MS = 15;

const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

const FAMILIES: Array<[shape: string, filename: string, make: (size: number) => string]> = [
  ['a heading followed by a long run of spaces (Markdown)', 'a.md', (n) => `# a${' '.repeat(n)}b`],
  ['a heading followed by a long run of spaces (text)', 'a.txt', (n) => `# a${' '.repeat(n)}b`],
  ['an unclosed tag whose name runs on, `<a-a-a…`', 'a.html', (n) => `<a${repeat('-a', n)}`],
  ['image openers without a closing bracket, `![![…`', 'a.md', (n) => `- ${repeat('![', n)}`],
  ['link openers without a closing bracket, `[a[a…`', 'a.md', (n) => repeat('[a', n)],
  ['links whose url never closes, `[a](…`', 'a.md', (n) => `- ${repeat('[a](', n)}`],
  ['tags that never close, `<p <p …` (HTML)', 'a.html', (n) => repeat('<p ', n)],
  ['tags that never close, `<p <p …` (text sniffed as HTML)', 'a.txt', (n) => repeat('<p ', n)],
  ['tags that never close in a table cell', 'a.tsv', (n) => `Title\tDuties\nx\t${repeat('<p ', n)}`],
  ['comment openers without an end, `<!--<!--…`', 'a.html', (n) => repeat('<!--', n)],
  ['script tags without an end, `<script><script>…`', 'a.html', (n) => repeat('<script>', n)],
  ['next item numbers that are decimals, `1.ab2.1b2.1…`', 'a.txt', (n) => `1.a${repeat('b2.1', n)}`],
  ['next item numbers inside words, `1.ab2.b2.…`', 'a.txt', (n) => `1.a${repeat('b2.', n)}`],
  ['a list item wrapped over thousands of lines', 'a.md', (n) => `- a\n${repeat('  b\n', n)}`],
  ['an <ol> of sentences without <li>', 'a.html', (n) => `<ol>${repeat('A. ', n)}</ol>`],
];

function parseCpuMs(content: string, filename: string): number {
  return cpuMs(() => {
    try {
      parsePostingsDocument({ content, filename });
    } catch (error) {
      if (!(error instanceof PostingParseError)) throw error;
    }
  });
}

/**
 * Best-of timings of the small and the large input, measured in alternation so that both meet the
 * same load. Stops once the large is within budget (after a few rounds, so the small's best is
 * settled) or far over it (noise does not triple a time: one slow run is proof enough).
 */
function smallAndLargeMs(measureSmall: () => number, measureLarge: () => number) {
  let smallMs = Infinity;
  let largeMs = Infinity;
  const budget = () => 10 * Math.max(smallMs, FLOOR_MS);
  for (let round = 1; round <= 7; round++) {
    smallMs = Math.min(smallMs, measureSmall());
    largeMs = Math.min(largeMs, measureLarge());
    if ((round >= 3 && largeMs <= budget()) || largeMs > 3 * budget()) break;
  }
  return { smallMs, largeMs, budget: budget() };
}

describe(`${parsePostingsDocument.name} in linear time`, () => {
  it.each(FAMILIES)(
    'parses %s at 100 KB in at most ten times the time of 10 KB',
    (_, filename, make) => {
      const small = make(SMALL);
      const large = make(LARGE);
      parseCpuMs(small, filename); // warm up the JIT
      const { largeMs, budget } = smallAndLargeMs(
        () => parseCpuMs(small, filename),
        () => parseCpuMs(large, filename),
      );
      expect(largeMs).toBeLessThanOrEqual(budget);
    },
    300_000,
  );
});

describe(`${matchLabel.name} in linear time`, () => {
  it('reads a line with a long run of spaces and no `&` in at most ten times the time of 10 KB', () => {
    // `\s*&\s*` retried every start inside the run when no `&` followed.
    const label = (n: number) => `Duties${' '.repeat(n)}x`;
    const time = (n: number) => () => cpuMs(() => matchLabel(label(n)));
    const { largeMs, budget } = smallAndLargeMs(time(SMALL / 2), time(LARGE / 2));
    expect(largeMs).toBeLessThanOrEqual(budget);
  }, 120_000);
});
