import type { HealthRepository } from './health.repository';
import { CHECK_TIMEOUT_MS, ReadinessChecks } from './readiness';

describe(ReadinessChecks.name, () => {
  const database = (ping: () => Promise<void>) => ({ ping }) as unknown as HealthRepository;

  it('is ready when the database and every registered check answer', async () => {
    const checks = new ReadinessChecks(database(() => Promise.resolve()));
    checks.register('redis', () => Promise.resolve('PONG'));
    expect(await checks.failing()).toEqual([]);
  });

  it('names what fails, throws or hangs past the timeout', async () => {
    const checks = new ReadinessChecks(database(() => Promise.reject(new Error('ECONNREFUSED'))));
    checks.register('redis', () => new Promise(() => undefined));
    checks.register('queue', () => {
      throw new Error('synchronous');
    });
    checks.register('fine', () => Promise.resolve());
    const started = Date.now();
    expect(await checks.failing()).toEqual(['database', 'redis', 'queue']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(CHECK_TIMEOUT_MS - 50);
    expect(Date.now() - started).toBeLessThan(CHECK_TIMEOUT_MS + 1_000);
  });
});
