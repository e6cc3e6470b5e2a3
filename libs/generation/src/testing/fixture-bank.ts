import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';

export const FIXTURE_BANK_DIR = join(__dirname, '../../test-fixtures/bank');

/** A private copy of the fixture bank (named `bank`) so a test can break one file without affecting others. */
export function copyFixtureBank(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'rubricon-bank-')), 'bank');
  cpSync(FIXTURE_BANK_DIR, dir, { recursive: true });
  return dir;
}

/** Rewrites one YAML file of a bank copy through a mutation of its plain data (aliases expanded). */
export function mutateBankFile(dir: string, rel: string, mutate: (data: any) => void): void {
  const path = join(dir, rel);
  const data = JSON.parse(JSON.stringify(load(readFileSync(path, 'utf8'))));
  mutate(data);
  writeFileSync(path, dump(data, { noRefs: true, lineWidth: -1 }));
}
