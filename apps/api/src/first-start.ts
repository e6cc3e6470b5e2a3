import { Logger } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config';
import type { BankService } from './bank/bank.service';
import type { PostingsService } from './postings/postings.service';
import type { UsersService } from './users/users.service';

export interface FirstStartReport {
  admin: { email: string; generatedPassword?: string } | null;
  seededPostings: number;
  bankVersion: string;
  bankQuestions: number;
}

/**
 * Creates the first admin, imports the seed documents and records the question bank; each is a
 * no-op when already done. A bank that fails validation stops the start with the file and field.
 */
export async function firstStart(
  config: AppConfig,
  users: UsersService,
  postings: PostingsService,
  bank: BankService,
): Promise<FirstStartReport> {
  const logger = new Logger('FirstStart');
  const admin = await users.ensureAdmin(config.admin.email, config.admin.password);
  let seededPostings = 0;
  for (const name of seedFiles(config.seedDir)) {
    const count = await postings.importSeedOnce(name, readFileSync(join(config.seedDir, name)));
    if (count) logger.log(`Imported ${count} seed posting(s) from ${name}`);
    seededPostings += count;
  }
  const { bank: loaded } = await bank.sync();
  return { admin, seededPostings, bankVersion: loaded.version, bankQuestions: loaded.questions.length };
}

function seedFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => /\.(txt|md|markdown|tsv|html?)$/i.test(n))
      .sort();
  } catch {
    return [];
  }
}
