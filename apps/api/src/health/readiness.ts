import { Injectable } from '@nestjs/common';
import { HealthRepository } from './health.repository';

/** One dependency the instance needs to serve: resolves when it answers, rejects (or hangs) when not. */
export type ReadinessCheck = () => Promise<unknown>;

/** A check that has not answered by then counts as failed: a probe must answer quickly either way. */
export const CHECK_TIMEOUT_MS = 2_000;

/**
 * What /api/health/ready asks before saying an instance can take traffic: the database always;
 * modules that bring a dependency of their own register it (Redis: `register('redis', () => redis.ping())`).
 * Checks run together, each bounded by CHECK_TIMEOUT_MS.
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  constructor(health: HealthRepository) {
    this.register('database', () => health.ping());
  }

  /** Adds (or replaces) the check called `name`; the name is what a failed probe reports. */
  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** The names of the checks that failed, in registration order; empty when everything answers. */
  async failing(): Promise<string[]> {
    const results = await Promise.all(
      [...this.checks].map(async ([name, check]) => ((await answers(check)) ? null : name)),
    );
    return results.filter((name): name is string => name !== null);
  }
}

async function answers(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      Promise.resolve()
        .then(check)
        .then(
          () => true,
          () => false,
        ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
