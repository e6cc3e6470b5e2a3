import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { BankValidationError } from '@rubricon/generation';
import { createApp } from './app';

async function main(): Promise<void> {
  // Files the server creates (SQLite database, its journal, the JWT secret) are for its own user only.
  process.umask(0o077);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { app, firstStart } = await createApp(config);
  await app.listen(config.port).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      throw new StartupError(`port ${config.port} is already in use; stop the other server or set PORT.`);
    throw error;
  });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Rubricon is running at ${url}  (API ${url}/api, docs ${url}/api/docs)`,
    `Database: ${config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'MySQL'}`,
    config.mail.smtpUrl
      ? `Mail: on, through ${smtpHost(config.mail.smtpUrl)} as ${config.mail.from}`
      : 'Mail: off (SMTP_URL unset): hand invitation links to candidates yourself.',
  ];
  if (firstStart.admin) {
    lines.push(
      `Sign in as ${firstStart.admin.email}` +
        (firstStart.admin.generatedPassword
          ? ` with the password ${firstStart.admin.generatedPassword}  (shown once: write it down)`
          : ' with ADMIN_PASSWORD'),
    );
  } else {
    lines.push(`Sign in with your staff account (first admin: ${config.admin.email}).`);
  }
  if (firstStart.seededPostings) lines.push(`Imported ${firstStart.seededPostings} seed postings.`);
  process.stdout.write(lines.join('\n') + '\n\n');
}

class StartupError extends Error {}

/** The SMTP server's scheme, host and port, without the credentials in the URL. */
function smtpHost(url: string): string {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}`;
}

/** What a person needs to fix a failed start; a stack trace only for what we did not foresee. */
function explain(error: unknown): string {
  if (error instanceof BankValidationError) return `the question bank is invalid:\n${error.message}`;
  if (error instanceof StartupError) return error.message;
  const code = (error as { code?: string }).code;
  if (
    code &&
    /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ER_ACCESS_DENIED_ERROR|ER_BAD_DB_ERROR|ER_DBACCESS_DENIED_ERROR)$/.test(code)
  ) {
    return `cannot use the database in DATABASE_URL (${code}: ${(error as Error).message}).`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

main().catch((error) => {
  // A content error names the file, question and field; a stack trace would only hide that.
  const detail = explain(error);
  process.stderr.write(`Rubricon failed to start: ${detail}\n`);
  process.exit(1);
});
