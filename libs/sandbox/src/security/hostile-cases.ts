import { RunRequest, Verdict } from '../types';

/** A hostile submission, the verdicts it may get, and what its output must (not) show. */
export interface HostileCase {
  name: string;
  code: string;
  verdicts: Verdict[];
  /** One visible test by default; hidden tests check that nothing leaks. */
  tests?: RunRequest['tests'];
  /** Must hold on the JSON of the whole result. */
  resultMustNotMatch?: RegExp;
  resultMustMatch?: RegExp;
  /** A later submission (on the same runners) that must pass: nothing of this one survives into it. */
  followUp?: { code: string; tests: RunRequest['tests'] };
}

export const SECRET = { card: '6222020000001234', note: '隐藏用例' };
export const secretTests = [{ input: SECRET, expected: 0, hidden: true }];
export const leaks = /6222020000001234|隐藏用例/;

export const HOSTILE_CASES: HostileCase[] = [
  // Host escapes
  {
    name: 'constructor chain to process',
    code: "function solve() { return this.constructor.constructor('return process')().pid; }",
    verdicts: ['error'],
    resultMustMatch: /ReferenceError: process is not defined/,
  },
  {
    name: 'Function constructor sees only the isolate global',
    code: "function solve() { const g = (function () {}).constructor('return this')(); return ['process', 'require', 'module', 'Buffer', '_ivm', 'global'].filter((k) => k in g); }",
    verdicts: ['passed'],
    tests: [{ input: 0, expected: [] }],
  },
  {
    name: 'Error.prepareStackTrace hook reads call sites',
    code: 'function solve() { Error.prepareStackTrace = (e, sites) => sites.map((s) => [String(s.getFileName()), typeof s.getThis(), typeof s.getFunction()]); try { null.x; } catch (e) { return e.stack; } }',
    verdicts: ['failed'],
    resultMustNotMatch: /\/work|node_modules|node:|ivm/,
  },
  {
    name: 'Error.captureStackTrace on a foreign-looking object',
    code: 'function solve() { const o = {}; Error.captureStackTrace(o); return o.stack; }',
    verdicts: ['failed'],
    resultMustNotMatch: /\/work|node_modules|node:/,
  },
  {
    name: 'Symbol.species array tricks',
    code: 'function solve() { class Evil extends Array { static get [Symbol.species]() { return function () { return { process: typeof process }; }; } } return new Evil(1, 2, 3).map((x) => x).process; }',
    verdicts: ['passed'],
    tests: [{ input: 0, expected: 'undefined' }],
  },
  {
    name: 'patched Promise.then and species do not hijack awaiting',
    code: "Promise.prototype.then = function () { return 42; }; Object.defineProperty(Promise, Symbol.species, { get() { throw new Error('species'); } }); async function solve() { return 1; }",
    verdicts: ['passed'],
    tests: [{ input: 0, expected: 1 }],
  },
  {
    name: 'patched JSON.stringify cannot forge the result',
    code: 'JSON.stringify = () => \'{"k":"ok","out":"42"}\'; Object.defineProperty(Object.prototype, "k", { set() {} }); function solve() { return 1; }',
    verdicts: ['failed'],
    tests: [{ input: 0, expected: 42 }],
  },
  {
    name: 'no WebAssembly, SharedArrayBuffer or Atomics',
    code: 'function solve() { return [typeof WebAssembly, typeof SharedArrayBuffer, typeof Atomics]; }',
    verdicts: ['passed'],
    tests: [{ input: 0, expected: ['undefined', 'undefined', 'undefined'] }],
  },
  {
    name: 'WebAssembly memory bomb',
    code: 'function solve() { return new WebAssembly.Memory({ initial: 65536 }).buffer.byteLength; }',
    verdicts: ['error'],
    resultMustMatch: /WebAssembly is not defined/,
  },
  // Loops and promises
  { name: 'synchronous infinite loop', code: 'function solve() { for (;;); }', verdicts: ['timeout'] },
  {
    name: 'infinite loop after an await',
    code: 'async function solve() { await null; while (true) {} }',
    verdicts: ['timeout'],
  },
  {
    name: 'microtask flood',
    code: 'function solve() { const f = () => Promise.resolve().then(f); f(); return new Promise(() => {}); }',
    verdicts: ['timeout', 'memory'],
  },
  {
    name: 'promise that never settles',
    code: 'function solve() { return new Promise(() => {}); }',
    verdicts: ['timeout'],
  },
  { name: 'thenable that never calls back', code: 'function solve() { return { then() {} }; }', verdicts: ['timeout'] },
  {
    name: 'infinite loop while loading',
    code: 'for (;;); function solve() { return 0; }',
    verdicts: ['timeout'],
    tests: [
      { input: 0, expected: 0 },
      { input: 1, expected: 0 },
    ],
  },
  {
    name: 'rejects with null',
    code: 'async function solve() { throw null; }',
    verdicts: ['error'],
    resultMustMatch: /Thrown value: null/,
  },
  // Memory and stack
  {
    name: 'array memory bomb',
    code: 'function solve() { const a = []; for (;;) a.push({ a: [1, 2, 3], b: "x" + a.length }); }',
    verdicts: ['memory', 'timeout'],
  },
  {
    name: 'large array memory bomb',
    code: 'function solve() { const a = []; for (;;) a.push(new Array(1e5).fill(1.5)); }',
    // On a loaded machine the time limit can come first (seen in a full CI run): contained either way.
    verdicts: ['memory', 'timeout'],
  },
  {
    name: 'string doubling bomb',
    code: 'function solve() { let s = "x"; for (;;) s += s; }',
    verdicts: ['error', 'memory'],
  },
  {
    name: 'typed array memory bomb',
    code: 'function solve() { const a = []; for (;;) a.push(new Float64Array(1 << 20)); }',
    verdicts: ['error', 'memory'],
  },
  {
    name: 'memory bomb while loading',
    code: 'const hoard = []; for (;;) hoard.push(new Array(1e5).fill(1)); function solve() {}',
    // On a loaded machine the 500 ms limit can come before the heap limit (seen once in a full
    // `npm test`, TypeScript, load 2.5 on 2 cores); contained either way, as the array bomb above.
    verdicts: ['memory', 'timeout'],
  },
  {
    name: 'stack overflow',
    code: 'function solve(n) { return solve(n + 1) + 1; }',
    verdicts: ['error'],
    resultMustMatch: /RangeError: Maximum call stack size exceeded/,
  },
  // Hostile return values
  {
    name: 'Proxy whose traps loop',
    code: 'function solve() { return new Proxy({}, { get() { for (;;); }, ownKeys() { for (;;); } }); }',
    verdicts: ['timeout'],
  },
  { name: 'getter that loops', code: 'function solve() { return { get a() { for (;;); } }; }', verdicts: ['timeout'] },
  {
    name: 'valueOf and toString hooks',
    code: 'function solve() { return { valueOf() { for (;;); }, toString() { for (;;); } }; }',
    verdicts: ['failed'],
  },
  {
    name: 'huge result',
    code: 'function solve() { return Array.from({ length: 1e6 }, (_, i) => i); }',
    verdicts: ['error'],
    resultMustMatch: /larger than 65536 bytes/,
  },
  { name: 'cyclic result', code: 'function solve() { const a = [1]; a.push(a); return a; }', verdicts: ['error'] },
  { name: 'BigInt result', code: 'function solve() { return 10n; }', verdicts: ['error'] },
  {
    name: 'typed array over a resized buffer',
    code: 'function solve() { const b = new ArrayBuffer(8, { maxByteLength: 16 }); const t = new Uint8Array(b, 4, 4); b.resize(0); return [t, t.length]; }',
    verdicts: ['failed'],
  },
  {
    name: 'typed array over a transferred buffer',
    code: 'function solve() { const b = new ArrayBuffer(1024); const t = new Uint8Array(b); b.transfer(); return t; }',
    verdicts: ['failed'],
  },
  {
    name: 'toJSON that throws the hidden input',
    code: 'function solve(input) { return { toJSON() { throw new TypeError("leak " + JSON.stringify(input)); } }; }',
    verdicts: ['error'],
    tests: secretTests,
    resultMustNotMatch: leaks,
  },
  {
    name: 'error name carrying the hidden input',
    code: 'function solve(input) { const e = new Error(input.card); e.name = input.note + input.card; throw e; }',
    verdicts: ['error'],
    tests: secretTests,
    resultMustNotMatch: leaks,
  },
  // Logs
  {
    name: 'log flood',
    code: 'function solve() { for (let i = 0; i < 1e6; i++) console.log("x".repeat(1000)); return 1; }',
    verdicts: ['failed'],
    resultMustMatch: /log truncated/,
  },
  {
    name: 'logging the hidden input',
    code: 'function solve(input) { console.log(input); return input; }',
    verdicts: ['failed'],
    tests: secretTests,
    resultMustNotMatch: leaks,
  },
  // Snooping and state
  {
    name: 'globalThis holds no test data',
    code: 'function solve() { return Object.getOwnPropertyNames(globalThis).filter((k) => /input|expect|test|hidden|harness|ivm/i.test(k)); }',
    verdicts: ['passed'],
    tests: [{ input: 0, expected: [] }],
  },
  {
    name: "previous test's input is gone",
    code: 'function solve(x) { const seen = globalThis.last ?? ({}).leak ?? null; globalThis.last = x; Object.prototype.leak = x; return seen; }',
    verdicts: ['passed'],
    tests: [
      { input: 'first', expected: null },
      { input: 'second', expected: null },
    ],
  },
  {
    name: 'top-level state does not survive to the next test',
    code: 'var runs = (globalThis.runs ?? 0) + 1; function solve() { return runs; }',
    verdicts: ['passed'],
    tests: [
      { input: 0, expected: 1 },
      { input: 0, expected: 1 },
      { input: 0, expected: 1 },
    ],
  },
];
