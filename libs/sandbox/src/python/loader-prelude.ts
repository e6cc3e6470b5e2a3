/**
 * JavaScript run first in a Python isolate, before Pyodide's scripts. It gives the loader what a
 * JavaScript shell offers and an isolate lacks, and nothing more:
 * - `read` / `readbuffer` over the bytes the host copied in (`__files`): no file system;
 * - `WebAssembly.instantiate` done synchronously: isolated-vm never settles V8's asynchronous
 *   WebAssembly compilation, so the loader's awaits would hang;
 * - a WebAssembly memory cap (`__maxMemoryBytes`): Emscripten grows the heap through
 *   `Memory.prototype.grow`, which refuses to go past the cap, so CPython's allocator fails and
 *   Python raises MemoryError. (An isolate's heap limit does not cover WebAssembly memory; the
 *   runner process also watches its own size: see python-session.ts);
 * - `performance.now` at millisecond resolution only (from Date): no fine timer for timing probes;
 * - `crypto.getRandomValues` from Math.random (hash seeds, `random`): not for secrets;
 * - `TextEncoder` / `TextDecoder` (UTF-8 only) and a `setTimeout` that runs on the next microtask.
 * The host removes `WebAssembly` and every loader global once the interpreter is up (see
 * SETUP_SCRIPT in python-session.ts).
 */
export const LOADER_PRELUDE = `(function () {
'use strict';
const G = globalThis, apply = Reflect.apply, define = Object.defineProperty;
const fromCharCode = String.fromCharCode, Uint8 = Uint8Array;
const T0 = Date.now();
G.performance = { now: () => Date.now() - T0, timeOrigin: T0 };
G.crypto = {
  getRandomValues(view) {
    const b = new Uint8(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < b.length; i++) b[i] = (Math.random() * 256) | 0;
    return view;
  },
};
class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') {
    const s = String(input), out = new Uint8(s.length * 3);
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; } else c = 0xfffd;
      } else if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
      if (c < 0x80) out[n++] = c;
      else if (c < 0x800) { out[n++] = 0xc0 | (c >> 6); out[n++] = 0x80 | (c & 63); }
      else if (c < 0x10000) { out[n++] = 0xe0 | (c >> 12); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
      else { out[n++] = 0xf0 | (c >> 18); out[n++] = 0x80 | ((c >> 12) & 63); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
    }
    return out.slice(0, n);
  }
  encodeInto(input, dest) {
    const b = this.encode(input), n = Math.min(b.length, dest.length);
    dest.set(b.subarray(0, n));
    return { read: String(input).length, written: n };
  }
}
class TextDecoder {
  constructor() { this.encoding = 'utf-8'; }
  decode(input) {
    if (input === undefined) return '';
    const b = input instanceof ArrayBuffer ? new Uint8(input) : new Uint8(input.buffer, input.byteOffset, input.byteLength);
    let s = '';
    const units = [];
    for (let i = 0; i < b.length; ) {
      let c = b[i++];
      if (c >= 0xf0) { c = ((c & 7) << 18) | ((b[i++] & 63) << 12) | ((b[i++] & 63) << 6) | (b[i++] & 63); }
      else if (c >= 0xe0) { c = ((c & 15) << 12) | ((b[i++] & 63) << 6) | (b[i++] & 63); }
      else if (c >= 0xc0) { c = ((c & 31) << 6) | (b[i++] & 63); }
      else if (c >= 0x80) c = 0xfffd;
      if (c >= 0x10000) { c -= 0x10000; units.push(0xd800 + (c >> 10), 0xdc00 + (c & 1023)); } else units.push(c);
      if (units.length >= 8192) { s += apply(fromCharCode, null, units); units.length = 0; }
    }
    return s + apply(fromCharCode, null, units);
  }
}
G.TextEncoder = TextEncoder;
G.TextDecoder = TextDecoder;
G.setTimeout = (f) => { Promise.resolve().then(() => f()); return 0; };
G.clearTimeout = () => {};

const files = G.__files;
delete G.__files;
G.read = (name) => { throw new Error('No such file: ' + name); };
G.load = G.read;
G.readbuffer = (name) => {
  for (const key of Object.keys(files)) if (String(name).endsWith(key)) return files[key];
  throw new Error('No such file: ' + name);
};

const WA = G.WebAssembly, Module = WA.Module, Instance = WA.Instance;
WA.instantiate = async (source, imports) => {
  if (source instanceof Module) return new Instance(source, imports);
  const module = new Module(source);
  return { module, instance: new Instance(module, imports) };
};
const MAX = G.__maxMemoryBytes;
delete G.__maxMemoryBytes;
const proto = WA.Memory.prototype, growMemory = proto.grow, bytesOf = Object.getOwnPropertyDescriptor(proto, 'buffer').get;
define(proto, 'grow', {
  value: function grow(pages) {
    if (MAX > 0 && apply(bytesOf, this, []).byteLength + pages * 65536 > MAX) {
      throw new RangeError('WebAssembly memory cap reached');
    }
    return apply(growMemory, this, [pages]);
  },
  writable: false,
  configurable: false,
});
})();`;
