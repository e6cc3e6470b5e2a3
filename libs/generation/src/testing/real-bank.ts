import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadQuestionBank, QUESTION_KINDS, QuestionBank } from '../bank';

// RUBRICON_BANK_DIR lets a content author point these tests at a bank being edited elsewhere.
export const REAL_BANK_DIR = process.env.RUBRICON_BANK_DIR ?? join(__dirname, '../../../../question-banks');

/**
 * The real bank, or undefined (with a loud warning) while its content is still being written:
 * competencies.yaml missing or a kind folder without files. An invalid bank is NOT skipped: it throws.
 */
export function realBankOrWarn(): QuestionBank | undefined {
  const missing = [
    ...(existsSync(join(REAL_BANK_DIR, 'competencies.yaml')) ? [] : ['competencies.yaml']),
    ...QUESTION_KINDS.filter((k) => {
      const dir = join(REAL_BANK_DIR, k);
      return !existsSync(dir) || !readdirSync(dir).some((f) => /\.ya?ml$/.test(f));
    }).map((k) => `${k}/*.yaml`),
  ];
  if (missing.length) {
    console.warn(
      `\n!!! REAL QUESTION BANK INCOMPLETE (missing ${missing.join(', ')}): real-bank generation tests are SKIPPED !!!\n`,
    );
    return undefined;
  }
  return loadQuestionBank(REAL_BANK_DIR);
}
