import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParsedPosting, parsePostingsDocument } from '@rubricon/postings';

const ROOT = join(__dirname, '../../../..');
export const SEEDS_DIR = join(ROOT, 'seeds');
export const POSTING_FIXTURES_DIR = join(ROOT, 'libs/postings/test-fixtures');

/** Every posting of every document in a folder (not its sub-folders), in file order. */
export function parseFolder(dir: string): ParsedPosting[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort()
    .flatMap((f) => parsePostingsDocument({ content: readFileSync(join(dir, f)), filename: f }).postings);
}
