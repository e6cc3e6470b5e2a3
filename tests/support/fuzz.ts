import { ERRORS } from '@rubricon/contracts';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { TestDatabase } from './databases';

/*
 * Shared pieces of the bad-input fuzz suites (tests/e2e/fuzz-*.e2e-spec.ts): what to generate, how
 * long to run, how to replay a failure, and how to see whether stored data moved.
 *
 * Replaying a failure: fast-check prints `{ seed: S, path: "P", endOnFailure: true }` with the
 * counterexample. Run the same suite with `FUZZ_SEED=S FUZZ_PATH=P` (and, to skip the shrinking,
 * nothing else): the failing input comes back first. `FUZZ_RUNS` and `FUZZ_TIME_MS` widen a run
 * (e.g. `FUZZ_RUNS=2000 FUZZ_TIME_MS=600000` for a long local session).
 */

export interface FuzzBudget {
  /** Runs wanted; the time limit may stop it sooner (a stop before any failure counts as a pass). */
  numRuns: number;
  /** Wall-clock bound of the whole property, shrinking included. */
  timeLimitMs: number;
}

const envInt = (name: string): number | undefined => {
  const raw = process.env[name];
  return raw !== undefined && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
};

/** fast-check parameters for one property, from its budget and the FUZZ_* variables. */
export function fuzzParameters<T>(budget: FuzzBudget): fc.Parameters<T> {
  const seed = envInt('FUZZ_SEED');
  const path = process.env.FUZZ_PATH || undefined;
  return {
    numRuns: envInt('FUZZ_RUNS') ?? budget.numRuns,
    plugins: [fc.interruptAfterTimeLimit(envInt('FUZZ_TIME_MS') ?? budget.timeLimitMs)],
    ...(seed === undefined ? {} : { seed, ...(path ? { path, endOnFailure: true } : {}) }),
  };
}

/**
 * fc.assert for an async property against a live server, bounded in time. The time limit leaves an
 * interrupted predicate running (fast-check cannot stop it): this waits for it, so that no request is
 * still in flight when the suite closes the server. Prints how many runs fitted, and the seed.
 */
export async function assertFuzz<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  budget: FuzzBudget,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const property = fc.asyncProperty(arbitrary, (value) => {
    const run = predicate(value);
    inFlight.add(run);
    run.then(
      () => inFlight.delete(run),
      () => inFlight.delete(run),
    );
    return run;
  });
  const started = Date.now();
  const details = await fc.check(property, fuzzParameters<[T]>(budget));
  await Promise.allSettled([...inFlight]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `fuzz ${name}: ${details.numRuns} run(s) in ${seconds} s${details.interrupted ? ' (time limit)' : ''}, seed ${details.seed}\n`,
  );
  if (details.failed) {
    throw new Error(
      `${fc.defaultReportMessage(details)}\n\nWhat failed: ${String(details.errorInstance)}\n\nReplay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} ` +
        `npx jest --selectProjects e2e --testPathPatterns ${name.split(' ')[0]}`,
    );
  }
}

// ---- What to send ----

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const oddChar = fc.constantFrom('\u0000', '\\', '"', '\u2028', '\ufeff', '\u202e', '👩‍👩‍👧', '𠮷', 'é', '\r', '\t');

/** One character that tends to break something: any code point, CJK, a lone surrogate, a control character. */
export const nastyChar = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  loneSurrogate,
  cjk,
  control,
  oddChar,
);

/** Strings every layer has opinions about: names of prototype members, SQL, markup, paths. */
export const SPECIAL_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  '-0',
  '{}',
  '[]',
  "'; DROP TABLE answers; --",
  '${7*7}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '岗位职责',
  '\u0000',
];

/** A string of up to `max` UTF-16 units made by repeating a short nasty one (it may end on half a pair). */
export const hugeString = (min: number, max: number) =>
  fc
    .tuple(fc.string({ unit: nastyChar, minLength: 1, maxLength: 6 }), fc.integer({ min, max }))
    .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: nastyChar, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 1, arbitrary: hugeString(1_000, 70_000) },
);

export const nastyNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 2 ** 31, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer(),
  fc.double(),
);

/** Bytes: socket.io sends them as a binary attachment; the server gets a Buffer. */
export const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  fc.integer({ min: 1_000, max: 70_000 }).map((n) => Buffer.alloc(n, 0xff)),
);

const scalar = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
);

/** Keys of payload objects: the real field names (so nested junk reaches validation), and prototype members. */
export const keyOf = (fields: readonly string[]) =>
  fc.oneof(fc.constantFrom(...fields, '__proto__', 'constructor', 'prototype'), fc.string({ maxLength: 12 }));

/** Any value a client can send: scalars, bytes, arrays, objects with prototype-pollution keys, nested a few levels. */
export function junk(fields: readonly string[] = []): fc.Arbitrary<unknown> {
  const key = keyOf(fields);
  return fc.letrec<{ value: unknown; list: unknown[]; record: Record<string, unknown> }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, bytes, tie('list'), tie('record')),
    list: fc.array(tie('value'), { maxLength: 4 }),
    // Object.fromEntries makes `__proto__` an own key, as JSON.parse on the server does.
    record: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  })).value;
}

/** Objects and arrays nested `depth` levels: through a client up to the validator's limit and a little past it. */
export const nested = fc.tuple(fc.integer({ min: 1, max: 80 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

/** A valid payload with fields dropped, replaced by junk, and unknown (prototype) keys added. */
export function mutated(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.keys(valid);
  return fc
    .record({
      drop: fc.subarray(fields),
      replace: fields.length
        ? fc.array(fc.tuple(fc.constantFrom(...fields), fc.oneof(junk(fields), nested)), { maxLength: 2 })
        : fc.constant([]),
      extra: fc.array(fc.tuple(keyOf(fields), junk(fields)), { maxLength: 2 }),
    })
    .map(({ drop, replace, extra }) => {
      const out: Record<string, unknown> = Object.fromEntries(Object.entries(valid).filter(([k]) => !drop.includes(k)));
      for (const [k, v] of [...replace, ...extra])
        Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
      return out;
    });
}

// ---- Sending over a socket ----

/** What a socket emission carries: a value the client encodes, no argument at all, or raw JSON text. */
export type Emission =
  | { kind: 'value'; value: unknown; extra?: unknown[] }
  | { kind: 'none' }
  /** Written as socket.io text by hand: JSON the client could not build (thousands of levels deep). */
  | { kind: 'raw'; json: string };

/** Raw frames of JSON nested past any stack: only the server's iterative depth check stands in the way. */
export const deepRaw: fc.Arbitrary<Emission> = fc
  .tuple(fc.integer({ min: 65, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) => ({
    kind: 'raw',
    json: arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  }));

let rawAckId = 1_000_000;

/**
 * Emits and waits at most `ms` for the acknowledgement: the answer, or `silence` (no answer in time)
 * or `dropped` (the connection closed while waiting).
 */
export function emitAndWait(
  socket: Socket,
  namespace: string,
  event: string,
  emission: Emission,
  ms: number,
): Promise<{ answer: unknown } | 'silence' | 'dropped' | 'unsendable'> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: { answer: unknown } | 'silence' | 'dropped' | 'unsendable') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.off('disconnect', onDisconnect);
      resolve(result);
    };
    const onDisconnect = () => finish('dropped');
    const timer = setTimeout(() => finish('silence'), ms);
    socket.on('disconnect', onDisconnect);
    const ack = (answer: unknown) => finish({ answer });
    try {
      if (emission.kind === 'raw') {
        const id = rawAckId++;
        (socket as unknown as { acks: Record<number, (res: unknown) => void> }).acks[id] = ack;
        socket.io.engine.write(`2${namespace},${id}[${JSON.stringify(event)},${emission.json}]`);
      } else if (emission.kind === 'none') socket.emit(event, ack);
      else socket.emit(event, emission.value, ...(emission.extra ?? []), ack);
    } catch {
      // The client could not encode it (socket.io-parser copying an own `__proto__` key, say): nothing was sent.
      finish('unsendable');
    }
  });
}

/** Emits without an acknowledgement; false when the client could not encode it (nothing was sent). */
export function emitBare(socket: Socket, namespace: string, event: string, emission: Emission): boolean {
  try {
    if (emission.kind === 'raw') socket.io.engine.write(`2${namespace},[${JSON.stringify(event)},${emission.json}]`);
    else if (emission.kind === 'none') socket.emit(event);
    else socket.emit(event, emission.value, ...(emission.extra ?? []));
    return true;
  } catch {
    return false;
  }
}

/**
 * About how many bytes the emission's text frame takes (binary attachments travel apart): over the
 * namespace's maxHttpBufferSize, the engine closes the connection, as socket.io's protocol says.
 */
export function frameBytes(event: string, emission: Emission): number {
  if (emission.kind === 'raw') return Buffer.byteLength(emission.json) + Buffer.byteLength(event) + 32;
  if (emission.kind === 'none') return Buffer.byteLength(JSON.stringify([event]));
  const args = emission.kind === 'value' ? [emission.value, ...(emission.extra ?? [])] : [];
  const text = JSON.stringify([event, ...args], (_key, value: unknown) =>
    typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Buffer' ? 0 : value,
  );
  return Buffer.byteLength(text ?? '') + 32;
}

// ---- What answers must look like ----

/**
 * A refusal as the contracts define it (SocketErrorAck, or an ErrorResponse body with `message`):
 * a known code that is not `internal-error`, and a message a person can read, not a stack trace.
 * Returns what is wrong, or null.
 */
export function refusalProblem(value: unknown, messageField: 'error' | 'message' = 'error'): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const r = value as Record<string, unknown>;
  const message = r[messageField];
  if (typeof r.code !== 'string' || !(r.code in ERRORS)) return `unknown code ${JSON.stringify(r.code)}`;
  if (r.code === 'internal-error') return 'internal-error (a 500 in disguise)';
  if (typeof message !== 'string' || message.trim() === '') return 'empty message';
  if (/\n\s+at\s|^\w*Error:|undefined is not|cannot read propert|is not a function/i.test(message))
    return `message looks like a stack trace or a programming error: ${message.slice(0, 200)}`;
  if (message.includes('[object Object]')) return `message shows [object Object]: ${message.slice(0, 200)}`;
  return null;
}

export const isRefusal = (value: unknown, messageField: 'error' | 'message' = 'error') =>
  typeof value === 'object' && value !== null && 'code' in value && messageField in value;

export const isIsoTime = (value: unknown) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

// ---- Stored data ----

function dataSourceOptions(db: TestDatabase): DataSourceOptions {
  const { database } = db;
  if (database.type === 'sqlite') return { type: 'better-sqlite3', database: database.path };
  return { type: 'mysql', url: database.url.replace(/^mariadb:/, 'mysql:'), timezone: 'Z' };
}

export type TableSnapshot = Record<string, string[]>;

/**
 * A connection of the test's own (as tests/support/direct-database.ts, but kept open: a fuzz run
 * reads the tables twice per run) that reads whole tables, every row as canonical JSON, sorted.
 */
export async function openTableReader(
  db: TestDatabase,
  /** Rows a table may gain without any input being accepted (see the suites), left out of every read. */
  ignored: Record<string, (row: Record<string, unknown>) => boolean> = {},
) {
  const source = await new DataSource(dataSourceOptions(db)).initialize();
  const read = async (tables: readonly string[]): Promise<TableSnapshot> => {
    const snapshot: TableSnapshot = {};
    for (const table of tables) {
      const rows = (await source.query(`SELECT * FROM ${source.driver.escape(table)}`)) as Record<string, unknown>[];
      snapshot[table] = rows
        .filter((row) => !ignored[table]?.(row))
        .map((row) =>
          JSON.stringify(
            Object.keys(row)
              .sort()
              .map((k) => [k, canonical(row[k])]),
          ),
        )
        .sort();
    }
    return snapshot;
  };
  return {
    read,
    /** Waits until the tables stop changing (two reads `quietMs` apart agree), at most `ms`; returns the last read. */
    settled: async (tables: readonly string[], quietMs = 400, ms = 8_000): Promise<TableSnapshot> => {
      const end = Date.now() + ms;
      let last = await read(tables);
      for (;;) {
        await new Promise((r) => setTimeout(r, quietMs));
        const now = await read(tables);
        if (JSON.stringify(now) === JSON.stringify(last) || Date.now() > end) return now;
        last = now;
      }
    },
    close: () => source.destroy(),
  };
}

const canonical = (value: unknown): unknown =>
  Buffer.isBuffer(value) ? `bytes:${value.toString('base64')}` : value instanceof Date ? value.toISOString() : value;

/** The names of Object.prototype's own members: a fuzz run must leave them as they were (no prototype pollution). */
export const prototypeMembers = (): string =>
  [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertySymbols(Object.prototype).map(String)]
    .sort()
    .join(',');
