// Proves that eslint.config.mjs's layering rules bite: snippets linted as if they lived at a path.
// Run by `npm run lint` with Node's own test runner (`node --test`, types stripped by Node), not jest:
// it checks the lint configuration, not the product, and needs no jest project of its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

// npm scripts run from the repository root, where eslint.config.mjs lives.
const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${source}';\nexport { x };\n`, { filePath });
  assert.equal(result.filePath, `${process.cwd()}/${filePath}`);
  assert.ok(!result.messages.some((m) => m.message.includes('ignored')), `${filePath} is ignored by the config`);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

function cases(filePath: string, forbidden: string[], allowed: string[]): void {
  describe(filePath, () => {
    for (const source of forbidden) {
      it(`refuses an import of ${source}`, async () => {
        assert.notDeepEqual(await layeringErrors(filePath, source), []);
      });
    }
    for (const source of allowed) {
      it(`allows an import of ${source}`, async () => {
        assert.deepEqual(await layeringErrors(filePath, source), []);
      });
    }
  });
}

cases(
  'libs/postings/src/parse/x.ts',
  [
    '@nestjs/common',
    'typeorm',
    'typeorm/driver/types',
    'socket.io',
    'socket.io-client',
    'express',
    'mysql2/promise',
    'better-sqlite3',
    '../../../../apps/api/src/config',
    '../../../generation/src',
    '../../../generation/src/text/normalise',
    '../../../../libs/sandbox/src',
    '@rubricon/generation/text/normalise',
    '@rubricon/postings',
  ],
  ['@rubricon/generation', '@rubricon/contracts', './local', '../decode-input', '../api/shapes', 'node:fs', 'js-yaml'],
);

cases('libs/contracts/src/x.spec.ts', [], ['@nestjs/testing', '../../postings/src', '../../../apps/api/src/config']);

cases(
  'apps/web/src/candidate/x.tsx',
  [
    '@rubricon/postings',
    '@rubricon/generation',
    '@rubricon/sandbox',
    '@rubricon/contracts/errors',
    '@nestjs/common',
    'typeorm',
    '../../../api/src/config',
    '../../../runner/src/main',
    '../../../../libs/contracts/src',
    '../../../../apps/api/src/config',
  ],
  ['@rubricon/contracts', '../api', '../router', './answer-book', 'react', 'socket.io-client', 'monaco-editor/editor'],
);

cases(
  'apps/api/src/runs/x.ts',
  ['../../../web/src/api', '../../../runner/src/main', '../../../../libs/sandbox/src', '../../../cli/src/generate'],
  ['@rubricon/sandbox', '@rubricon/contracts', '@nestjs/common', 'typeorm', '../common/validation', '../config'],
);

cases(
  'apps/runner/src/x.ts',
  [
    '../../api/src/config',
    '../../../libs/sandbox/src',
    '../../../apps/web/src/api',
    '@rubricon/sandbox/pool/runner-pool',
  ],
  ['@rubricon/sandbox', './main', 'node:child_process'],
);

cases('tests/e2e/x.e2e-spec.ts', [], ['../../apps/api/src/app.module', '../../libs/sandbox/src', '@nestjs/testing']);
