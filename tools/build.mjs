// Builds only what changed: each target's inputs (its app folder, the libs it imports, the lock file
// and the shared configs) are hashed, and the target is skipped when the hash equals the stamp written
// after its last successful build (dist/.stamps/<target>). No dependencies beyond Node itself.
// Usage: node tools/build.mjs [--force] [target...]   (no target: all of them), or import buildTargets.
// One line per target on stderr; the build tools' own output goes to stderr too, so that a command run
// after the build (npm run generate -- --json) owns stdout alone.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMPS = join(ROOT, 'dist/.stamps');
const SHARED_INPUTS = ['package-lock.json', 'tsconfig.json', 'nest-cli.json'];
const bin = (name) => join(ROOT, 'node_modules/.bin', name);

/** app: the folder whose files (and whose @rubricon/* imports) are the inputs; output: proof the build exists. */
const TARGETS = {
  api: { app: 'apps/api', output: 'dist/apps/api/main.js', command: [bin('nest'), 'build', 'api'] },
  runner: { app: 'apps/runner', output: 'dist/apps/runner/main.js', command: [bin('nest'), 'build', 'runner'] },
  web: {
    app: 'apps/web',
    output: 'dist/web/index.html',
    command: [bin('vite'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'],
  },
  cli: { app: 'apps/cli', output: 'dist/apps/cli/generate.js', command: [bin('nest'), 'build', 'cli'] },
};

// Tests do not end up in a build: editing one must not cost a rebuild.
const isInput = (file) => !/\.(spec|e2e-spec|test)\.tsx?$/.test(file) && !file.includes('test-fixtures');

function filesUnder(dir) {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter(isInput);
}

/** The app's files plus those of every lib it imports, directly or through another lib. */
function inputsOf(target) {
  const dirs = [target.app];
  const files = [];
  for (let i = 0; i < dirs.length; i++) {
    for (const file of filesUnder(dirs[i])) {
      files.push(file);
      if (!/\.(ts|tsx|mts)$/.test(file)) continue;
      for (const [, lib] of readFileSync(join(ROOT, file), 'utf8').matchAll(/@rubricon\/([\w-]+)/g)) {
        if (!dirs.includes(`libs/${lib}`) && existsSync(join(ROOT, 'libs', lib))) dirs.push(`libs/${lib}`);
      }
    }
  }
  return [...files.sort(), ...SHARED_INPUTS];
}

function hashOf(name, target) {
  const hash = createHash('sha256').update(`${name}\0${target.command.map((c) => relative(ROOT, c)).join(' ')}\0`);
  for (const file of inputsOf(target))
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(ROOT, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

function build(name, force) {
  const target = TARGETS[name];
  const stampFile = join(STAMPS, name);
  const hash = hashOf(name, target);
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (!force && stamp === hash && existsSync(join(ROOT, target.output))) {
    process.stderr.write(`build: ${name} up to date (${hash})\n`);
    return true;
  }
  // A failed build may leave a half-written output: no stamp may vouch for it.
  rmSync(stampFile, { force: true });
  const started = performance.now();
  const [command, ...args] = target.command;
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(
      `build: ${name} FAILED after ${seconds} s (${result.error?.message ?? `exit ${result.status}`})\n`,
    );
    return false;
  }
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(stampFile, `${hash}\n`);
  process.stderr.write(`build: ${name} built in ${seconds} s (${hash})\n`);
  return true;
}

/** Brings the named targets up to date, in order; false as soon as one fails. */
export function buildTargets(names, { force = false } = {}) {
  return names.every((name) => build(name, force));
}

if (import.meta.main) {
  const argv = process.argv.slice(2);
  const names = argv.filter((a) => a !== '--force');
  const unknown = names.filter((n) => !(n in TARGETS));
  if (unknown.length) {
    process.stderr.write(`build: unknown target ${unknown.join(', ')}; targets: ${Object.keys(TARGETS).join(', ')}\n`);
    process.exit(2);
  }
  if (!buildTargets(names.length ? names : Object.keys(TARGETS), { force: argv.includes('--force') })) process.exit(1);
}
