import { availableParallelism } from 'node:os';
import { RunnerEnvError, readRunnerEnv } from './runner-env';

describe('runner environment', () => {
  it('needs only REDIS_URL: the prefix, pool size and name have defaults', () => {
    expect(readRunnerEnv({ REDIS_URL: 'redis://redis:6379' }, 7)).toEqual({
      redisUrl: 'redis://redis:6379',
      prefix: 'rubricon',
      poolSize: availableParallelism(),
      name: expect.stringMatching(/^runner-.+-7$/),
    });
    expect(
      readRunnerEnv({
        REDIS_URL: ' rediss://u:p@host:6380/0 ',
        REDIS_PREFIX: 'acme',
        RUNNER_POOL_SIZE: '4',
        INSTANCE_ID: 'runner-a',
      }),
    ).toEqual({ redisUrl: 'rediss://u:p@host:6380/0', prefix: 'acme', poolSize: 4, name: 'runner-a' });
  });

  it('names every problem at once', () => {
    const read = () =>
      readRunnerEnv({ REDIS_URL: 'http://x', REDIS_PREFIX: 'a b', RUNNER_POOL_SIZE: '0', INSTANCE_ID: 'x'.repeat(65) });
    expect(read).toThrow(RunnerEnvError);
    expect(read).toThrow(/REDIS_URL:[\s\S]*REDIS_PREFIX:[\s\S]*RUNNER_POOL_SIZE:[\s\S]*INSTANCE_ID:/);
    expect(() => readRunnerEnv({ REDIS_URL: 'redis://x', RUNNER_POOL_SIZE: '1.5' })).toThrow(/RUNNER_POOL_SIZE/);
  });
});
