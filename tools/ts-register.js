// Lets node run TypeScript sources directly, for tests' helpers, benches and checks:
// `node --no-node-snapshot -r ./tools/ts-register.js tests/bench/attempts.bench.ts`. The sandbox pool
// forks apps/runner/src/main.ts under it when it runs from sources (jest, benches, bank:check).
// @swc/core strips types as each file loads (in memory, nothing written; decorators and their metadata
// as Nest needs them); the @rubricon/* aliases come from tsconfig.json. No type checking: `npm run
// typecheck` does that. Unlike ts-node, it loads nothing into the process (ts-node loads node:domain,
// which slows every EventEmitter and so skews benchmarks). Builds run bundles and never load this file.
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const ROOT = path.resolve(__dirname, '..');
const { compilerOptions } = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));
tsconfigPaths.register({ baseUrl: path.join(ROOT, compilerOptions.baseUrl), paths: compilerOptions.paths });

const SWC = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...SWC, filename });
  module._compile(code, filename);
};
