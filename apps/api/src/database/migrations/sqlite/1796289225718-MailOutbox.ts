import { MigrationInterface, QueryRunner } from "typeorm";

export class MailOutbox1796289225718 implements MigrationInterface {
    name = 'MailOutbox1796289225718'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "mail_messages" ("id" varchar(36) PRIMARY KEY NOT NULL, "kind" varchar(20) NOT NULL, "lang" varchar(2) NOT NULL, "toEmail" varchar(254) NOT NULL, "toName" varchar(120) NOT NULL, "subject" varchar(300) NOT NULL, "input" json NOT NULL, "link" varchar(500), "status" varchar(10) NOT NULL DEFAULT ('queued'), "tries" integer NOT NULL DEFAULT (0), "lastError" varchar(500), "nextAttemptAt" datetime(3) NOT NULL, "lockedUntil" datetime(3), "sentAt" datetime(3), "failedAt" datetime(3), "smtpResponse" varchar(300), "remindsOf" datetime(3), "dedupeKey" varchar(120), "attemptId" varchar(36), "interviewId" varchar(36), "candidateId" varchar(36), "createdById" varchar(36), "queuedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f8c36e6be25ac99167b2010a10" ON "mail_messages" ("dedupeKey") `);
        await queryRunner.query(`CREATE INDEX "IDX_08807c65988b695021a231ab56" ON "mail_messages" ("attemptId") `);
        await queryRunner.query(`CREATE INDEX "IDX_a776bca877dd9d1be27557b451" ON "mail_messages" ("interviewId") `);
        await queryRunner.query(`CREATE INDEX "IDX_18dc72d68c07a0405802d36063" ON "mail_messages" ("candidateId") `);
        await queryRunner.query(`CREATE INDEX "IDX_3c15e2b4cb807d22d832f5949b" ON "mail_messages" ("toEmail", "sentAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_e943f011105d33468e4c3d6a90" ON "mail_messages" ("status", "nextAttemptAt") `);
        await queryRunner.query(`DROP INDEX "IDX_6ae656ee160b228c8177fcdda1"`);
        await queryRunner.query(`CREATE TABLE "temporary_assessments" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "seed" integer, "lang" varchar(2) NOT NULL, "roleFamily" varchar(20) NOT NULL, "durationMinutes" integer NOT NULL, "bankVersion" varchar(64) NOT NULL, "duties" json NOT NULL, "coveragePercent" double NOT NULL, "createdById" varchar(36), "publishedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "blindScoring" boolean NOT NULL DEFAULT (0), "familyReasons" json, "remindBeforeExpiryHours" integer, "remindBeforeDeadlineMinutes" integer, CONSTRAINT "FK_6ae656ee160b228c8177fcdda11" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_assessments"("id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt", "blindScoring", "familyReasons") SELECT "id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt", "blindScoring", "familyReasons" FROM "assessments"`);
        await queryRunner.query(`DROP TABLE "assessments"`);
        await queryRunner.query(`ALTER TABLE "temporary_assessments" RENAME TO "assessments"`);
        await queryRunner.query(`CREATE INDEX "IDX_6ae656ee160b228c8177fcdda1" ON "assessments" ("postingId") `);
        await queryRunner.query(`DROP INDEX "IDX_ddc98f91c59170ffe68dbf30aa"`);
        await queryRunner.query(`DROP INDEX "IDX_a6eb6f2543de8a5a4c148b32a1"`);
        await queryRunner.query(`CREATE TABLE "temporary_invitations" ("id" varchar(36) PRIMARY KEY NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime(3) NOT NULL, "revokedAt" datetime(3), "usedAt" datetime(3), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "sessionGeneration" integer NOT NULL DEFAULT (0), "lang" varchar(2), CONSTRAINT "FK_ddc98f91c59170ffe68dbf30aa8" FOREIGN KEY ("assessmentId") REFERENCES "assessments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9a7726fb24d1c93f041aee1fe52" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_invitations"("id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt", "sessionGeneration") SELECT "id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt", "sessionGeneration" FROM "invitations"`);
        await queryRunner.query(`DROP TABLE "invitations"`);
        await queryRunner.query(`ALTER TABLE "temporary_invitations" RENAME TO "invitations"`);
        await queryRunner.query(`CREATE INDEX "IDX_ddc98f91c59170ffe68dbf30aa" ON "invitations" ("assessmentId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a6eb6f2543de8a5a4c148b32a1" ON "invitations" ("tokenHash") `);
        await queryRunner.query(`DROP INDEX "IDX_ce67915dd53c50176602e597e5"`);
        await queryRunner.query(`DROP INDEX "IDX_b15d2cbb2808004bbc98bed835"`);
        await queryRunner.query(`DROP INDEX "IDX_d6218d51ba7e76703fc2885f69"`);
        await queryRunner.query(`CREATE TABLE "temporary_interviews" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "startsAt" datetime(3) NOT NULL, "durationMinutes" integer NOT NULL, "language" varchar(12) NOT NULL, "status" varchar(12) NOT NULL DEFAULT ('scheduled'), "startedAt" datetime(3), "endedAt" datetime(3), "linkHash" varchar(64) NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "candidateLang" varchar(2) NOT NULL DEFAULT ('zh'), CONSTRAINT "FK_9b47fb5a4e06ccb14d20d2f06fd" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_d6218d51ba7e76703fc2885f69d" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_interviews"("id", "postingId", "candidateId", "startsAt", "durationMinutes", "language", "status", "startedAt", "endedAt", "linkHash", "createdById", "createdAt") SELECT "id", "postingId", "candidateId", "startsAt", "durationMinutes", "language", "status", "startedAt", "endedAt", "linkHash", "createdById", "createdAt" FROM "interviews"`);
        await queryRunner.query(`DROP TABLE "interviews"`);
        await queryRunner.query(`ALTER TABLE "temporary_interviews" RENAME TO "interviews"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ce67915dd53c50176602e597e5" ON "interviews" ("linkHash") `);
        await queryRunner.query(`CREATE INDEX "IDX_b15d2cbb2808004bbc98bed835" ON "interviews" ("startsAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_d6218d51ba7e76703fc2885f69" ON "interviews" ("postingId") `);
        await queryRunner.query(`DROP INDEX "IDX_f8c36e6be25ac99167b2010a10"`);
        await queryRunner.query(`DROP INDEX "IDX_08807c65988b695021a231ab56"`);
        await queryRunner.query(`DROP INDEX "IDX_a776bca877dd9d1be27557b451"`);
        await queryRunner.query(`DROP INDEX "IDX_18dc72d68c07a0405802d36063"`);
        await queryRunner.query(`DROP INDEX "IDX_3c15e2b4cb807d22d832f5949b"`);
        await queryRunner.query(`DROP INDEX "IDX_e943f011105d33468e4c3d6a90"`);
        await queryRunner.query(`CREATE TABLE "temporary_mail_messages" ("id" varchar(36) PRIMARY KEY NOT NULL, "kind" varchar(20) NOT NULL, "lang" varchar(2) NOT NULL, "toEmail" varchar(254) NOT NULL, "toName" varchar(120) NOT NULL, "subject" varchar(300) NOT NULL, "input" json NOT NULL, "link" varchar(500), "status" varchar(10) NOT NULL DEFAULT ('queued'), "tries" integer NOT NULL DEFAULT (0), "lastError" varchar(500), "nextAttemptAt" datetime(3) NOT NULL, "lockedUntil" datetime(3), "sentAt" datetime(3), "failedAt" datetime(3), "smtpResponse" varchar(300), "remindsOf" datetime(3), "dedupeKey" varchar(120), "attemptId" varchar(36), "interviewId" varchar(36), "candidateId" varchar(36), "createdById" varchar(36), "queuedAt" datetime(3) NOT NULL, CONSTRAINT "FK_08807c65988b695021a231ab561" FOREIGN KEY ("attemptId") REFERENCES "attempts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a776bca877dd9d1be27557b4512" FOREIGN KEY ("interviewId") REFERENCES "interviews" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_mail_messages"("id", "kind", "lang", "toEmail", "toName", "subject", "input", "link", "status", "tries", "lastError", "nextAttemptAt", "lockedUntil", "sentAt", "failedAt", "smtpResponse", "remindsOf", "dedupeKey", "attemptId", "interviewId", "candidateId", "createdById", "queuedAt") SELECT "id", "kind", "lang", "toEmail", "toName", "subject", "input", "link", "status", "tries", "lastError", "nextAttemptAt", "lockedUntil", "sentAt", "failedAt", "smtpResponse", "remindsOf", "dedupeKey", "attemptId", "interviewId", "candidateId", "createdById", "queuedAt" FROM "mail_messages"`);
        await queryRunner.query(`DROP TABLE "mail_messages"`);
        await queryRunner.query(`ALTER TABLE "temporary_mail_messages" RENAME TO "mail_messages"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f8c36e6be25ac99167b2010a10" ON "mail_messages" ("dedupeKey") `);
        await queryRunner.query(`CREATE INDEX "IDX_08807c65988b695021a231ab56" ON "mail_messages" ("attemptId") `);
        await queryRunner.query(`CREATE INDEX "IDX_a776bca877dd9d1be27557b451" ON "mail_messages" ("interviewId") `);
        await queryRunner.query(`CREATE INDEX "IDX_18dc72d68c07a0405802d36063" ON "mail_messages" ("candidateId") `);
        await queryRunner.query(`CREATE INDEX "IDX_3c15e2b4cb807d22d832f5949b" ON "mail_messages" ("toEmail", "sentAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_e943f011105d33468e4c3d6a90" ON "mail_messages" ("status", "nextAttemptAt") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_e943f011105d33468e4c3d6a90"`);
        await queryRunner.query(`DROP INDEX "IDX_3c15e2b4cb807d22d832f5949b"`);
        await queryRunner.query(`DROP INDEX "IDX_18dc72d68c07a0405802d36063"`);
        await queryRunner.query(`DROP INDEX "IDX_a776bca877dd9d1be27557b451"`);
        await queryRunner.query(`DROP INDEX "IDX_08807c65988b695021a231ab56"`);
        await queryRunner.query(`DROP INDEX "IDX_f8c36e6be25ac99167b2010a10"`);
        await queryRunner.query(`ALTER TABLE "mail_messages" RENAME TO "temporary_mail_messages"`);
        await queryRunner.query(`CREATE TABLE "mail_messages" ("id" varchar(36) PRIMARY KEY NOT NULL, "kind" varchar(20) NOT NULL, "lang" varchar(2) NOT NULL, "toEmail" varchar(254) NOT NULL, "toName" varchar(120) NOT NULL, "subject" varchar(300) NOT NULL, "input" json NOT NULL, "link" varchar(500), "status" varchar(10) NOT NULL DEFAULT ('queued'), "tries" integer NOT NULL DEFAULT (0), "lastError" varchar(500), "nextAttemptAt" datetime(3) NOT NULL, "lockedUntil" datetime(3), "sentAt" datetime(3), "failedAt" datetime(3), "smtpResponse" varchar(300), "remindsOf" datetime(3), "dedupeKey" varchar(120), "attemptId" varchar(36), "interviewId" varchar(36), "candidateId" varchar(36), "createdById" varchar(36), "queuedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "mail_messages"("id", "kind", "lang", "toEmail", "toName", "subject", "input", "link", "status", "tries", "lastError", "nextAttemptAt", "lockedUntil", "sentAt", "failedAt", "smtpResponse", "remindsOf", "dedupeKey", "attemptId", "interviewId", "candidateId", "createdById", "queuedAt") SELECT "id", "kind", "lang", "toEmail", "toName", "subject", "input", "link", "status", "tries", "lastError", "nextAttemptAt", "lockedUntil", "sentAt", "failedAt", "smtpResponse", "remindsOf", "dedupeKey", "attemptId", "interviewId", "candidateId", "createdById", "queuedAt" FROM "temporary_mail_messages"`);
        await queryRunner.query(`DROP TABLE "temporary_mail_messages"`);
        await queryRunner.query(`CREATE INDEX "IDX_e943f011105d33468e4c3d6a90" ON "mail_messages" ("status", "nextAttemptAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_3c15e2b4cb807d22d832f5949b" ON "mail_messages" ("toEmail", "sentAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_18dc72d68c07a0405802d36063" ON "mail_messages" ("candidateId") `);
        await queryRunner.query(`CREATE INDEX "IDX_a776bca877dd9d1be27557b451" ON "mail_messages" ("interviewId") `);
        await queryRunner.query(`CREATE INDEX "IDX_08807c65988b695021a231ab56" ON "mail_messages" ("attemptId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f8c36e6be25ac99167b2010a10" ON "mail_messages" ("dedupeKey") `);
        await queryRunner.query(`DROP INDEX "IDX_d6218d51ba7e76703fc2885f69"`);
        await queryRunner.query(`DROP INDEX "IDX_b15d2cbb2808004bbc98bed835"`);
        await queryRunner.query(`DROP INDEX "IDX_ce67915dd53c50176602e597e5"`);
        await queryRunner.query(`ALTER TABLE "interviews" RENAME TO "temporary_interviews"`);
        await queryRunner.query(`CREATE TABLE "interviews" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "startsAt" datetime(3) NOT NULL, "durationMinutes" integer NOT NULL, "language" varchar(12) NOT NULL, "status" varchar(12) NOT NULL DEFAULT ('scheduled'), "startedAt" datetime(3), "endedAt" datetime(3), "linkHash" varchar(64) NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, CONSTRAINT "FK_9b47fb5a4e06ccb14d20d2f06fd" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_d6218d51ba7e76703fc2885f69d" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "interviews"("id", "postingId", "candidateId", "startsAt", "durationMinutes", "language", "status", "startedAt", "endedAt", "linkHash", "createdById", "createdAt") SELECT "id", "postingId", "candidateId", "startsAt", "durationMinutes", "language", "status", "startedAt", "endedAt", "linkHash", "createdById", "createdAt" FROM "temporary_interviews"`);
        await queryRunner.query(`DROP TABLE "temporary_interviews"`);
        await queryRunner.query(`CREATE INDEX "IDX_d6218d51ba7e76703fc2885f69" ON "interviews" ("postingId") `);
        await queryRunner.query(`CREATE INDEX "IDX_b15d2cbb2808004bbc98bed835" ON "interviews" ("startsAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ce67915dd53c50176602e597e5" ON "interviews" ("linkHash") `);
        await queryRunner.query(`DROP INDEX "IDX_a6eb6f2543de8a5a4c148b32a1"`);
        await queryRunner.query(`DROP INDEX "IDX_ddc98f91c59170ffe68dbf30aa"`);
        await queryRunner.query(`ALTER TABLE "invitations" RENAME TO "temporary_invitations"`);
        await queryRunner.query(`CREATE TABLE "invitations" ("id" varchar(36) PRIMARY KEY NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime(3) NOT NULL, "revokedAt" datetime(3), "usedAt" datetime(3), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "sessionGeneration" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_ddc98f91c59170ffe68dbf30aa8" FOREIGN KEY ("assessmentId") REFERENCES "assessments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9a7726fb24d1c93f041aee1fe52" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "invitations"("id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt", "sessionGeneration") SELECT "id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt", "sessionGeneration" FROM "temporary_invitations"`);
        await queryRunner.query(`DROP TABLE "temporary_invitations"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a6eb6f2543de8a5a4c148b32a1" ON "invitations" ("tokenHash") `);
        await queryRunner.query(`CREATE INDEX "IDX_ddc98f91c59170ffe68dbf30aa" ON "invitations" ("assessmentId") `);
        await queryRunner.query(`DROP INDEX "IDX_6ae656ee160b228c8177fcdda1"`);
        await queryRunner.query(`ALTER TABLE "assessments" RENAME TO "temporary_assessments"`);
        await queryRunner.query(`CREATE TABLE "assessments" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "seed" integer, "lang" varchar(2) NOT NULL, "roleFamily" varchar(20) NOT NULL, "durationMinutes" integer NOT NULL, "bankVersion" varchar(64) NOT NULL, "duties" json NOT NULL, "coveragePercent" double NOT NULL, "createdById" varchar(36), "publishedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "blindScoring" boolean NOT NULL DEFAULT (0), "familyReasons" json, CONSTRAINT "FK_6ae656ee160b228c8177fcdda11" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "assessments"("id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt", "blindScoring", "familyReasons") SELECT "id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt", "blindScoring", "familyReasons" FROM "temporary_assessments"`);
        await queryRunner.query(`DROP TABLE "temporary_assessments"`);
        await queryRunner.query(`CREATE INDEX "IDX_6ae656ee160b228c8177fcdda1" ON "assessments" ("postingId") `);
        await queryRunner.query(`DROP INDEX "IDX_e943f011105d33468e4c3d6a90"`);
        await queryRunner.query(`DROP INDEX "IDX_3c15e2b4cb807d22d832f5949b"`);
        await queryRunner.query(`DROP INDEX "IDX_18dc72d68c07a0405802d36063"`);
        await queryRunner.query(`DROP INDEX "IDX_a776bca877dd9d1be27557b451"`);
        await queryRunner.query(`DROP INDEX "IDX_08807c65988b695021a231ab56"`);
        await queryRunner.query(`DROP INDEX "IDX_f8c36e6be25ac99167b2010a10"`);
        await queryRunner.query(`DROP TABLE "mail_messages"`);
    }

}
