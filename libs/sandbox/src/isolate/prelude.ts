import { RunLimits } from '../types';

/** File name the candidate's code carries in stack traces; the host reads line numbers from it. */
export const SOLUTION_FILE = 'solution.js';

/** What the in-isolate harness reports, as JSON text produced inside the isolate. */
export interface Envelope {
  k: 'ok' | 'error' | 'load-error' | 'no-solve' | 'result-error' | 'result-size';
  out?: string;
  e?: { name: string; message: string; line: number };
  logs?: string;
  lt?: boolean;
}

/**
 * Source of the script that runs first in every fresh context. It removes shared-memory and
 * WebAssembly globals, installs a capped console, loads the candidate's code with an indirect eval
 * (so a value thrown while loading is caught here, never copied to the host) and returns the
 * harness function the host calls once with the input as JSON text.
 *
 * The harness only uses built-ins captured before candidate code runs and null-prototype objects,
 * so patched prototypes cannot break the envelope; everything the candidate can influence (getters,
 * toJSON, Proxies, thenables) runs inside the isolate under the time limit.
 */
export function preludeSource(code: string, limits: RunLimits, entry = 'solve'): string {
  // `entry` is a validated identifier; the tail also finds `const solve = ...`, which is not a global property.
  const source = `${code}\n;(typeof ${entry} === 'function' ? ${entry} : undefined)\n//# sourceURL=${SOLUTION_FILE}`;
  return `(function () {
'use strict';
const G = globalThis, apply = Reflect.apply, stringify = JSON.stringify, parse = JSON.parse;
const Str = String, create = Object.create, define = Object.defineProperty, indirectEval = G.eval;
const sliceS = String.prototype.slice, charCodeAt = String.prototype.charCodeAt, exec = RegExp.prototype.exec;
const LINE = /solution\\.js:(\\d+):\\d+/;
const LOG_BYTES = ${limits.logBytes}, LOG_LINES = ${limits.logLines}, RESULT_BYTES = ${limits.resultBytes};
delete G.WebAssembly; delete G.SharedArrayBuffer; delete G.Atomics;

function cut(s, n) { return s.length > n ? apply(sliceS, s, [0, n]) : s; }
function utf8(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) { const c = apply(charCodeAt, s, [i]); n += c < 0x80 ? 1 : c < 0x800 ? 2 : (c >= 0xd800 && c < 0xdc00) ? (i++, 4) : 3; }
  return n;
}
function show(v) {
  if (typeof v === 'string') return v;
  try {
    if (v !== null && typeof v === 'object') { const j = stringify(v); if (typeof j === 'string') return j; }
    return Str(v);
  } catch (_) { return '[unprintable]'; }
}

let logText = '', logBytes = 0, logLines = 0, logTruncated = false;
function write(args) {
  if (logTruncated) return;
  let line = '';
  for (let i = 0; i < args.length && line.length <= LOG_BYTES; i++) line += (i ? ' ' : '') + show(args[i]);
  let breaks = 1;
  for (let i = 0; i < line.length; i++) if (apply(charCodeAt, line, [i]) === 10) breaks++;
  const size = utf8(line) + 1;
  if (logLines + breaks > LOG_LINES || logBytes + size > LOG_BYTES) { logTruncated = true; return; }
  logText += (logLines ? '\\n' : '') + line; logLines += breaks; logBytes += size;
}
const con = create(null);
con.log = function log(...a) { write(a); };
con.info = con.log; con.warn = con.log; con.error = con.log; con.debug = con.log;
define(G, 'console', { value: con, writable: true, configurable: true, enumerable: false });

function describe(e) {
  const d = create(null);
  d.name = 'Thrown value'; d.message = ''; d.line = 0;
  try {
    if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
      d.name = 'Error';
      const n = e.name; if (typeof n === 'string') d.name = cut(n, 80);
      const m = e.message; if (typeof m === 'string') d.message = cut(m, 1000);
      const s = e.stack;
      if (typeof s === 'string') { const r = apply(exec, LINE, [cut(s, 20000)]); if (r) d.line = +r[1]; }
    } else {
      d.message = cut(show(e), 1000);
    }
  } catch (_) { /* a hostile error object: keep what was read */ }
  return d;
}
function finish(env) {
  env.logs = logText; env.lt = logTruncated;
  return stringify(env);
}

let solve, loadError;
try { solve = indirectEval(${JSON.stringify(source)}); } catch (e) { loadError = describe(e); }

return async function harness(inputJson) {
  const env = create(null);
  if (loadError !== undefined) { env.k = 'load-error'; env.e = loadError; return finish(env); }
  if (typeof solve !== 'function') { env.k = 'no-solve'; return finish(env); }
  try {
    const value = await solve(parse(inputJson));
    let out;
    try { out = stringify(value); } catch (e) { env.k = 'result-error'; env.e = describe(e); return finish(env); }
    if (typeof out === 'string' && (out.length > RESULT_BYTES || (out.length * 3 > RESULT_BYTES && utf8(out) > RESULT_BYTES))) {
      env.k = 'result-size'; return finish(env);
    }
    env.k = 'ok';
    if (typeof out === 'string') env.out = out;
  } catch (e) {
    env.k = 'error'; env.e = describe(e);
  }
  return finish(env);
};
})()`;
}
