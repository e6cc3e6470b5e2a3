import { availableParallelism, hostname } from 'node:os';

/** What a queue-consuming runner reads from its environment (the API's config.ts is Nest's; this is not). */
export interface RunnerEnv {
  redisUrl: string;
  /** Must equal the API instances' REDIS_PREFIX: it names the queue's keys. */
  prefix: string;
  /** Sandbox worker processes, and so runs taken at once. */
  poolSize: number;
  /** This runner's name in logs and on the jobs it takes. */
  name: string;
}

export class RunnerEnvError extends Error {
  constructor(problems: string[]) {
    super(`Invalid runner configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'RunnerEnvError';
  }
}

/** Reads and checks the environment, naming every problem at once (the same rules as the API's config). */
export function readRunnerEnv(env: NodeJS.ProcessEnv, pid = process.pid): RunnerEnv {
  const problems: string[] = [];
  const redisUrl = env.REDIS_URL?.trim() ?? '';
  if (!/^rediss?:\/\/[^\s]+$/.test(redisUrl))
    problems.push('REDIS_URL: must look like redis://host:6379 or rediss://user:password@host:6380/0');
  const prefix = env.REDIS_PREFIX?.trim() || 'rubricon';
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(prefix))
    problems.push('REDIS_PREFIX: must be 1-40 letters, digits, dots, dashes or underscores');
  const sizeText = env.RUNNER_POOL_SIZE?.trim();
  const poolSize = sizeText ? Number(sizeText) : availableParallelism();
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 256)
    problems.push('RUNNER_POOL_SIZE: must be a whole number from 1 to 256 (default: one per core)');
  const name = env.INSTANCE_ID?.trim() || `runner-${hostname()}-${pid}`;
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(name))
    problems.push('INSTANCE_ID: must be 1-64 letters, digits, dots, colons, dashes or underscores');
  if (problems.length) throw new RunnerEnvError(problems);
  return { redisUrl, prefix, poolSize, name };
}
