import ivm from 'isolated-vm';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The files of the `pyodide` npm package (CPython compiled to WebAssembly, with its standard
 * library), read once per runner process and prepared to run inside an isolated-vm isolate, where
 * there is no file system, no fetch and no module loader.
 *
 * Pyodide's loader supports a "shell" environment (d8, SpiderMonkey's js): it reads files through
 * global `read` / `readbuffer` functions. The isolate gets such functions over copies of the
 * package's bytes, so the loader runs unmodified. Two edits to the Emscripten glue are needed, each
 * checked to apply exactly once so that a new pyodide version fails loudly here instead of at a
 * candidate's run:
 * - the module file is ES module syntax (`export default`, `import.meta.url`); the isolate runs it as
 *   a script that sets a global;
 * - in a shell, the glue asks the shell's `os.system` for random bytes; the isolate has
 *   `crypto.getRandomValues` (see PRELUDE) instead.
 */
export interface PyodideAssets {
  version: string;
  /** The Emscripten module factory, as a classic script defining `createPyodideModule`. */
  moduleScript: string;
  /** The loader, as a classic script defining `loadPyodide`. */
  loaderScript: string;
  wasm: ivm.ExternalCopy<ArrayBuffer>;
  stdlib: ivm.ExternalCopy<ArrayBuffer>;
  lockFile: string;
}

interface Edit {
  find: string | RegExp;
  replace: string;
  /** How many times `find` must occur. */
  expect: number;
}

function applyEdits(file: string, text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of edits) {
    const found =
      typeof edit.find === 'string'
        ? out.split(edit.find).length - 1
        : (out.match(new RegExp(edit.find.source, 'g')) ?? []).length;
    if (found !== edit.expect) {
      throw new Error(
        `pyodide ${file}: expected ${edit.expect} occurrence(s) of ${String(edit.find)}, found ${found}; this pyodide version is not supported`,
      );
    }
    out =
      typeof edit.find === 'string' ? out.split(edit.find).join(edit.replace) : out.replace(edit.find, edit.replace);
  }
  return out;
}

let assets: PyodideAssets | undefined;

/** The directory of the installed `pyodide` package (a real path also inside a webpack bundle). */
export function pyodideDir(): string {
  return path.dirname(createRequire(__filename).resolve('pyodide/package.json'));
}

export function pyodideAssets(): PyodideAssets {
  if (assets) return assets;
  const dir = pyodideDir();
  const read = (name: string) => readFileSync(path.join(dir, name));
  const arrayBuffer = (bytes: Buffer) =>
    new ivm.ExternalCopy(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const { version } = JSON.parse(read('package.json').toString('utf8')) as { version: string };
  const moduleScript = applyEdits('pyodide.asm.mjs', read('pyodide.asm.mjs').toString('utf8'), [
    { find: 'import.meta.url', replace: '"file:///pyodide/pyodide.asm.mjs"', expect: 3 },
    {
      find: 'var initRandomFill=()=>{',
      replace: 'var initRandomFill=()=>{return view=>crypto.getRandomValues(view);',
      expect: 1,
    },
    {
      find: 'export default _createPyodideModule;',
      replace: 'globalThis.createPyodideModule=_createPyodideModule;',
      expect: 1,
    },
  ]);
  const loaderScript = applyEdits('pyodide.mjs', read('pyodide.mjs').toString('utf8'), [
    {
      find: /export\s*\{\s*(\w+) as loadPyodide,\s*\w+ as version\s*\};/,
      replace: 'globalThis.loadPyodide=$1;',
      expect: 1,
    },
  ]);
  assets = {
    version,
    moduleScript,
    loaderScript,
    wasm: arrayBuffer(read('pyodide.asm.wasm')),
    stdlib: arrayBuffer(read('python_stdlib.zip')),
    lockFile: read('pyodide-lock.json').toString('utf8'),
  };
  return assets;
}
