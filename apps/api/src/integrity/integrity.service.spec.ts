import { InMemoryRateLimits } from '../common/rate-limits';
import type { IntegrityEventEntity } from './integrity-event.entity';
import type { IntegrityRepository } from './integrity.repository';
import { IntegrityService } from './integrity.service';

type Stored = Omit<IntegrityEventEntity, 'id' | 'attempt'>;

function build() {
  const stored: Stored[] = [];
  const repo = {
    insert: async (event: Stored) => void stored.push(event),
    count: async (where: { attemptId: string }) => stored.filter((e) => e.attemptId === where.attemptId).length,
  } as unknown as IntegrityRepository;
  return { service: new IntegrityService(repo, new InMemoryRateLimits()), stored };
}

describe(IntegrityService.name, () => {
  it('keeps only bounded numbers from a signal’s detail, whatever the browser sent', async () => {
    const { service, stored } = build();
    await service.recordSignal('a1', {
      attemptId: 'a1',
      type: 'paste',
      questionId: 'case.q',
      detail: { size: 12.6, width: -5, height: 1e12, script: 1, nan: NaN } as Record<string, number>,
    });
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0].detail)).toEqual({ size: 13, width: 0, height: 10_000_000 });
    expect(stored[0]).toMatchObject({ attemptId: 'a1', type: 'paste', questionId: 'case.q' });
  });

  it('refuses signals past the per-attempt budget, counting each attempt apart', async () => {
    const { service } = build();
    const takes = await Promise.allSettled(Array.from({ length: 25 }, () => service.takeBudget('a1')));
    expect(takes.filter((t) => t.status === 'rejected').length).toBeGreaterThanOrEqual(4);
    await expect(service.takeBudget('a2')).resolves.toBeUndefined();
  });

  it('stops recording, quietly, once an attempt holds the most signals it may', async () => {
    const { service, stored } = build();
    stored.push(...Array.from({ length: 2000 }, () => ({ attemptId: 'a1' }) as Stored));
    await service.recordSignal('a1', { attemptId: 'a1', type: 'blur' });
    expect(stored).toHaveLength(2000);
  });
});
