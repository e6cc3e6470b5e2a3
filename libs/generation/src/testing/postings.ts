import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParsedPosting, parsePostingsDocument } from '@rubricon/postings';

const ROOT = join(__dirname, '../../../..');
export const SEEDS_DIR = join(ROOT, 'seeds');
export const POSTING_FIXTURES_DIR = join(ROOT, 'libs/postings/test-fixtures');

/** Every posting of every document in a folder, in file order. */
export function parseFolder(dir: string): ParsedPosting[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => parsePostingsDocument({ content: readFileSync(join(dir, f)), filename: f }).postings);
}
