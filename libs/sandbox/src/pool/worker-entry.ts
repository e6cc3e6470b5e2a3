import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** libs/sandbox/src (or its compiled twin in a build). */
const LIB_ROOT = path.resolve(__dirname, '..');
const WORKER = path.join('worker', 'worker-main');

/**
 * The script a worker process runs. From a build it is the compiled worker-main.js beside this
 * file. From TypeScript sources (jest, ts-node) the library is compiled once with @swc/core into
 * node_modules/.cache (so `isolated-vm` and `typescript` still resolve), keyed by a hash of the
 * sources: a plain `node` then starts a worker in ~50 ms instead of loading a TS compiler.
 */
export function resolveWorkerEntry(): string {
  if (path.extname(__filename) === '.js') return path.join(LIB_ROOT, `${WORKER}.js`);
  const files = sourceFiles(LIB_ROOT);
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(LIB_ROOT, file)));
  const dir = path.join(findNodeModules(LIB_ROOT), '.cache', 'rubricon-sandbox', hash.digest('hex').slice(0, 16));
  const entry = path.join(dir, `${WORKER}.js`);
  if (!existsSync(entry)) compileInto(dir, files);
  return entry;
}

function sourceFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const file = path.join(rel, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'security') out.push(...sourceFiles(root, file));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(file);
    }
  }
  return out.sort();
}

function findNodeModules(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules', 'isolated-vm'))) return path.join(dir, 'node_modules');
    if (path.dirname(dir) === dir) throw new Error('isolated-vm is not installed: cannot start sandbox workers.');
  }
}

function compileInto(dir: string, files: string[]): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const swc = require('@swc/core') as typeof import('@swc/core');
  // Build beside the target and rename: concurrent test processes may race to create the same dir.
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  for (const file of files) {
    const { code } = swc.transformSync(readFileSync(path.join(LIB_ROOT, file), 'utf8'), {
      filename: file,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
      sourceMaps: false,
    });
    const target = path.join(tmp, file.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  try {
    renameSync(tmp, dir);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
}
