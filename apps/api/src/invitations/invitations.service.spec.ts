import type { AssessmentsService } from '../assessments/assessments.service';
import type { Delivery } from '../assessments/delivery';
import { ApiException } from '../common/api-exception';
import { InMemoryAttemptEvents, type AttemptStateChange } from '../common/attempt-events';
import { MAIL_OFF, type AppConfig } from '../config';
import type { MailRepository } from '../mail/mail.repository';
import { MailService } from '../mail/mail.service';
import type { IntegrityService } from '../integrity/integrity.service';
import type { AttemptEntity } from '../attempts/attempt.entity';
import type { InvitationEntity } from './invitation.entity';
import type { InvitationsRepository, NewInvitation } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { hashToken } from './invitation-token';
import { fakeAudit } from '../audit/audit.testing';

function build(status: Delivery['status'] = 'published', attemptStatus = 'in_progress') {
  const inserted: NewInvitation[] = [];
  const updates: Partial<InvitationEntity>[] = [];
  const invitation = {
    id: 'i1',
    expiresAt: new Date(Date.now() + 86_400_000),
    revokedAt: null,
    sessionGeneration: 3,
  } as InvitationEntity;
  const attempt = {
    id: 'at1',
    status: attemptStatus,
    invitation,
    candidate: { id: 'c1', name: 'Ada', email: 'ada@example.com' },
  } as unknown as AttemptEntity;
  const repo = {
    transaction: async <T>(work: (tx: InvitationsRepository) => Promise<T>) => work(repo),
    insertAll: async (all: NewInvitation[]) => {
      inserted.push(...all);
      return all.map((n, i) => ({
        invitation: { id: `i${i}`, expiresAt: n.expiresAt, candidate: { name: n.name, email: n.email } },
        attempt: { id: `a${i}` },
      }));
    },
    invitation: async (id: string) => (id === 'i1' ? invitation : null),
    attemptOfInvitation: async () => attempt,
    invitedEmails: async () => new Set<string>(),
    insertAllOnce: async (_assessmentId: string, all: NewInvitation[]) => ({ created: await repo.insertAll(all) }),
    endSessions: async (_id: string, change: Partial<InvitationEntity>) => void updates.push(change),
  } as unknown as InvitationsRepository;
  const assessments = { delivery: async () => ({ status }) as Delivery } as unknown as AssessmentsService;
  const integrity = { countsByAttempt: async () => new Map() } as unknown as IntegrityService;
  const events = new InMemoryAttemptEvents();
  const published: AttemptStateChange[] = [];
  events.subscribe((c) => published.push(c));
  const config = { publicUrl: 'https://rubricon.test' } as AppConfig;
  // Mail off: nothing is queued, and no attempt has mail to show.
  const mail = new MailService({ ...config, mail: MAIL_OFF }, {
    latest: async () => new Map(),
  } as unknown as MailRepository);
  const service = new InvitationsService(config, repo, assessments, integrity, events, fakeAudit(), mail);
  return { service, inserted, updates, published };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof ApiException ? e.code : String(e)),
  );

describe(InvitationsService.name, () => {
  it('invites only to a published assessment, storing the hash of each link and never the link', async () => {
    expect(await codeOf(build('draft').service.invite('as1', [{ name: 'A', email: 'a@x.org' }]))).toBe(
      'assessment-not-published',
    );
    const { service, inserted } = build();
    const [link] = await service.invite('as1', [{ name: ' Ada ', email: 'ADA@Example.com ' }]);
    expect(link.url).toBe(`https://rubricon.test/take/${link.token}`);
    expect(inserted).toEqual([expect.objectContaining({ name: 'Ada', email: 'ada@example.com' })]);
    expect(inserted[0].tokenHash).toBe(hashToken(link.token));
    expect(JSON.stringify(inserted)).not.toContain(link.token);
  });

  it('says what is wrong with a missing or unreadable candidate list', async () => {
    const { service } = build();
    expect(await codeOf(service.inviteCsv('as1', undefined))).toBe('candidates-missing');
    expect(await codeOf(service.inviteCsv('as1', 'who,where\nAda,London\n'))).toBe('csv-columns-missing');
  });

  it('renews a link for an attempt under way and ends its open sessions; refuses for a submitted one', async () => {
    const { service, updates, published } = build();
    const link = await service.resend('i1');
    expect(updates).toEqual([
      expect.objectContaining({ tokenHash: hashToken(link.token), usedAt: null, revokedAt: null }),
    ]);
    expect(published).toEqual([expect.objectContaining({ attemptId: 'at1', status: 'session-ended' })]);
    expect(await codeOf(build('published', 'submitted').service.resend('i1'))).toBe('nothing-to-resend');
    expect(await codeOf(service.resend('nope'))).toBe('invitation-not-found');
  });
});
