import type { INestApplication } from '@nestjs/common';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app';
import { MAIL_OFF, type AppConfig } from '../../apps/api/src/config';
import type { TestDatabase } from './databases';

export const ADMIN = { email: 'admin@test.rubricon', password: 'admin-password-123' };
const ROOT = join(__dirname, '..', '..');
/** The built web app the test server serves; TEST_WEB_DIR lets parallel work build into a private folder. */
export const WEB_DIR = process.env.TEST_WEB_DIR ?? join(ROOT, 'dist', 'web');

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  close: () => Promise<void>;
}

export function testConfig(db: TestDatabase, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    publicUrl: 'http://rubricon.test',
    database: db.database,
    dataDir: db.dataDir,
    seedDir: join(ROOT, 'seeds'),
    bankDir: join(ROOT, 'question-banks'),
    webDir: WEB_DIR,
    jwtSecret: 'test-secret-that-is-long-enough-for-hs256-signing',
    jwtTtlSeconds: 3600,
    admin: { ...ADMIN },
    logFormat: 'text',
    loginRateLimitPerMinute: 1000,
    trustedProxies: [],
    runnerPoolSize: 1,
    mail: MAIL_OFF,
    redis: null,
    metricsToken: null,
    shutdownDrainMs: 0,
    ...overrides,
  };
}

/** A real server on a free loopback port, against the given database. */
export async function startTestApp(db: TestDatabase, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const config = testConfig(db, overrides);
  const { app } = await createApp(config, ['error']);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  return { app, url: `http://127.0.0.1:${address.port}`, config, close: () => app.close() };
}

export async function loginAs(url: string, email: string, password: string): Promise<string> {
  const res = await request(url).post('/api/auth/login').send({ email, password }).expect(200);
  return res.body.accessToken;
}
