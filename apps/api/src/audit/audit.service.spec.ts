import { RequestContext } from '../common/request-context';
import type { AuditRepository, NewAuditEntry } from './audit.repository';
import { AuditService } from './audit.service';

function build() {
  const inserted: NewAuditEntry[] = [];
  const repo = { insert: async (entry: NewAuditEntry) => void inserted.push(entry) } as unknown as AuditRepository;
  return { service: new AuditService(repo), inserted };
}

const target = { type: 'user', id: 'u1' };
const hr = { id: 'h1', email: 'hr@example.com', role: 'hr' as const };

describe(AuditService.name, () => {
  it('takes the actor and the address from the request being served', async () => {
    const { service, inserted } = build();
    await RequestContext.run({ ip: '198.51.100.7', actor: null }, async () => {
      RequestContext.setActor(hr);
      await service.record({ action: 'user.role', target, changes: { role: { from: 'hr', to: 'admin' } } });
    });
    expect(inserted).toEqual([
      {
        actorId: 'h1',
        actorEmail: 'hr@example.com',
        actorRole: 'hr',
        ip: '198.51.100.7',
        action: 'user.role',
        targetType: 'user',
        targetId: 'u1',
        changes: '{"role":{"from":"hr","to":"admin"}}',
      },
    ]);
  });

  it('records the given actor instead, or the system (null), keeping the address', async () => {
    const { service, inserted } = build();
    await RequestContext.run({ ip: '198.51.100.7', actor: hr }, async () => {
      await service.record({ action: 'user.role', target, actor: { id: 'x', email: 'x@example.com', role: 'admin' } });
      await service.record({ action: 'user.role', target, actor: null });
    });
    expect(inserted.map((e) => [e.actorId, e.actorRole, e.ip])).toEqual([
      ['x', 'admin', '198.51.100.7'],
      [null, null, '198.51.100.7'],
    ]);
  });

  it('outside any request has neither actor nor address', async () => {
    const { service, inserted } = build();
    await service.record({ action: 'user.create', target });
    expect(inserted[0]).toMatchObject({ actorId: null, actorEmail: null, actorRole: null, ip: null, changes: '{}' });
  });

  it('drops secret-looking fields at any depth and writes dates as ISO text', async () => {
    const { service, inserted } = build();
    const at = new Date('2030-01-02T03:04:05.000Z');
    await service.record({
      action: 'user.password',
      target,
      changes: {
        password: 'p',
        passwordHash: 'h',
        nested: { linkToken: 't', tokenHash: 'th', clientSecret: 's', kept: 1, list: [{ token: 'x', at }] },
        at,
      },
    });
    expect(JSON.parse(inserted[0].changes)).toEqual({
      nested: { kept: 1, list: [{ at: '2030-01-02T03:04:05.000Z' }] },
      at: '2030-01-02T03:04:05.000Z',
    });
  });

  it('keeps requests apart: each sees its own actor', async () => {
    const { service, inserted } = build();
    const serve = (id: string, delay: number) =>
      RequestContext.run({ ip: `ip-${id}`, actor: null }, async () => {
        RequestContext.setActor({ id, email: `${id}@example.com`, role: 'hr' });
        await new Promise((resolve) => setTimeout(resolve, delay));
        await service.record({ action: 'user.role', target: { type: 'user', id } });
      });
    await Promise.all([serve('a', 20), serve('b', 5)]);
    expect(inserted.map((e) => [e.targetId, e.actorId, e.ip])).toEqual([
      ['b', 'b', 'ip-b'],
      ['a', 'a', 'ip-a'],
    ]);
  });
});
