import { createConnection } from 'mysql2/promise';
import { mariadbServerUrl } from './mariadb';
import { redisServerInstalled } from './redis';

/**
 * Probes MariaDB once per run and records the answer in the environment the test workers inherit.
 * With CI=true a missing server fails the run; elsewhere its suites are skipped, loudly.
 */
export default async function globalSetup(): Promise<void> {
  probeRedis();
  if (process.env.RUBRICON_MARIADB) return;
  const url = mariadbServerUrl();
  try {
    const connection = await createConnection({ uri: url, connectTimeout: 3000 });
    await connection.end();
    process.env.RUBRICON_MARIADB = 'available';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === 'true')
      throw new Error(`MariaDB is required with CI=true but ${url} does not answer: ${reason}`);
    process.env.RUBRICON_MARIADB = 'unavailable';
    process.stderr.write(
      `\n${'!'.repeat(78)}\n!! MariaDB at ${url} does not answer (${reason}).\n!! The MariaDB suites are SKIPPED. Run bash .ci/run (or start MariaDB) to run them.\n${'!'.repeat(78)}\n\n`,
    );
  }
}

/** The scale-out suites start private Redis servers: they need the `redis-server` program. */
function probeRedis(): void {
  if (process.env.RUBRICON_REDIS) return;
  if (redisServerInstalled()) {
    process.env.RUBRICON_REDIS = 'available';
    return;
  }
  if (process.env.CI === 'true') throw new Error('redis-server is required with CI=true but is not installed');
  process.env.RUBRICON_REDIS = 'unavailable';
  process.stderr.write(
    `\n${'!'.repeat(78)}\n!! redis-server is not installed: the scale-out (Redis) suites are SKIPPED.\n!! Run bash .ci/run (or apt-get install redis-server) to run them.\n${'!'.repeat(78)}\n\n`,
  );
}
