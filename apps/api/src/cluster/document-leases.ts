import type { RedisConnections } from './redis-connections';

/** Takes the lease when free or renews it when ours; answers 1 when we hold it afterwards. */
const HOLD = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`;

/** Long enough to outlast a few snapshot ticks; short enough that a lost instance's documents move on. */
export const LEASE_MS = 30_000;

/**
 * Who writes each shared document's snapshots when an interview is open on several API instances:
 * the instance holding its lease in Redis, exactly one at a time. A lease lapses LEASE_MS after its
 * holder stops renewing it (the holder died or closed the document); then the next instance that
 * needs a snapshot takes it. Without Redis nobody holds it, and nobody writes: the log still has
 * every change, so a later snapshot loses nothing.
 */
export class DocumentLeases {
  constructor(
    private readonly redis: RedisConnections,
    private readonly leaseMs = LEASE_MS,
  ) {
    redis.commands.defineCommand('rubriconHoldLease', { numberOfKeys: 1, lua: HOLD });
  }

  async hold(docKey: string): Promise<boolean> {
    const client = this.redis.commands as unknown as {
      rubriconHoldLease(key: string, holder: string, ms: number): Promise<number>;
    };
    try {
      return (
        (await client.rubriconHoldLease(
          this.redis.key('lease', docKey),
          this.redis.config.instanceId,
          this.leaseMs,
        )) === 1
      );
    } catch {
      return false;
    }
  }
}
