import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';

/** Server URL without a database; the user needs rights on `rubricon%` databases (.ci/run grants them). */
export function mariadbServerUrl(): string {
  return process.env.TEST_MYSQL_URL ?? 'mysql://rubricon:rubricon@127.0.0.1:3306';
}

export function mariadbAvailable(): boolean {
  return process.env.RUBRICON_MARIADB === 'available';
}

/** A fresh, empty database for one test file; `drop` removes it again. */
export async function createMariadbDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rubricon_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const server = mariadbServerUrl();
  const admin = await createConnection({ uri: server });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${server.replace(/\/$/, '')}/${name}`,
    drop: async () => {
      const c = await createConnection({ uri: server });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
