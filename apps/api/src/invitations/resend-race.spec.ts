import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import type { AssessmentsService } from '../assessments/assessments.service';
import { AttemptEntity } from '../attempts/attempt.entity';
import { AttemptsRepository } from '../attempts/attempts.repository';
import { AttemptsService } from '../attempts/attempts.service';
import { CandidateTokens } from '../attempts/candidate-tokens.service';
import { InMemoryAttemptEvents } from '../common/attempt-events';
import { LruCache } from '../common/cache/lru-cache';
import { InMemoryRateLimits } from '../common/rate-limits';
import { MAIL_OFF, type AppConfig } from '../config';
import { MailRepository } from '../mail/mail.repository';
import { MailService } from '../mail/mail.service';
import type { Database } from '../database/database';
import { memoryDatabase } from '../database/memory-database.testing';
import type { IntegrityService } from '../integrity/integrity.service';
import { CandidateEntity } from './candidate.entity';
import { hashToken, newInvitationToken } from './invitation-token';
import { InvitationEntity } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { fakeAudit } from '../audit/audit.testing';

/** The real repositories on SQLite: the race is in what their statements read and write. */
describe('resending a link while the old one is being opened', () => {
  let source: DataSource;
  afterEach(() => source?.destroy());

  it('leaves no session of the old link alive, whichever lands first', async () => {
    let db: Database;
    ({ source, db } = await memoryDatabase());
    const m = source.manager;
    const candidate = await m.save(m.create(CandidateEntity, { name: 'A', email: 'a@example.com' }));
    const oldToken = newInvitationToken();
    const invitation = await m.save(
      m.create(InvitationEntity, {
        assessmentId: 'as1',
        candidateId: candidate.id,
        tokenHash: hashToken(oldToken),
        expiresAt: new Date(Date.now() + 86_400_000),
        createdById: null,
      }),
    );
    await m.save(
      m.create(AttemptEntity, {
        invitationId: invitation.id,
        assessmentId: 'as1',
        candidateId: candidate.id,
        status: 'in_progress',
        startedAt: new Date(),
        deadline: new Date(Date.now() + 3_600_000),
      }),
    );
    const events = new InMemoryAttemptEvents();
    const repo = new AttemptsRepository(db);
    const tokens = new CandidateTokens(new JwtService({ secret: 'a-secret-for-this-test-only' }), repo);
    const attempts = new AttemptsService(
      repo,
      {} as AssessmentsService,
      tokens,
      events,
      new LruCache<string>(10),
      {} as IntegrityService,
      new InMemoryRateLimits(),
      fakeAudit(),
    );
    const invitations = new InvitationsService(
      { publicUrl: 'http://rubricon.test' } as AppConfig,
      new InvitationsRepository(db),
      {} as AssessmentsService,
      { countsByAttempt: async () => new Map() } as unknown as IntegrityService,
      events,
      fakeAudit(),
      new MailService({ mail: MAIL_OFF } as AppConfig, new MailRepository(db)),
    );

    const [, opened] = await Promise.allSettled([invitations.resend(invitation.id), attempts.openSession(oldToken)]);
    if (opened.status === 'fulfilled') expect(await tokens.verify(opened.value.accessToken)).toBeUndefined();
    else expect(opened.reason).toMatchObject({ code: 'link-unknown' });
  });
});
