// Lets node run the runner (apps/runner/src/main.ts) straight from TypeScript sources, for tests,
// benches and checks: `node --no-node-snapshot -r ./apps/runner/ts-register.js apps/runner/src/main.ts`.
// @swc/core strips types as each file loads (in memory, nothing written); the @rubricon/* aliases come
// from tsconfig.json. Builds run the bundle dist/apps/runner/main.js instead and never load this file.
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const ROOT = path.resolve(__dirname, '../..');
const { compilerOptions } = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));
tsconfigPaths.register({ baseUrl: path.join(ROOT, compilerOptions.baseUrl), paths: compilerOptions.paths });

const SWC = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...SWC, filename });
  module._compile(code, filename);
};
