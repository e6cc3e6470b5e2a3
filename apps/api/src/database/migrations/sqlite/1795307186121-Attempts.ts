import { MigrationInterface, QueryRunner } from "typeorm";

export class Attempts1795307186121 implements MigrationInterface {
    name = 'Attempts1795307186121'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "candidates" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(120) NOT NULL, "email" varchar(254) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE TABLE "invitations" ("id" varchar(36) PRIMARY KEY NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime(3) NOT NULL, "revokedAt" datetime(3), "usedAt" datetime(3), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_ddc98f91c59170ffe68dbf30aa" ON "invitations" ("assessmentId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a6eb6f2543de8a5a4c148b32a1" ON "invitations" ("tokenHash") `);
        await queryRunner.query(`CREATE TABLE "attempts" ("id" varchar(36) PRIMARY KEY NOT NULL, "invitationId" varchar(36) NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "startedAt" datetime(3), "deadline" datetime(3), "submittedAt" datetime(3), "submittedBy" varchar(12), "gradedAt" datetime(3), "autoScore" double, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3d4c4269c76295608d74e9153c" ON "attempts" ("invitationId") `);
        await queryRunner.query(`CREATE INDEX "IDX_6777875e9c151b58b51b4539c4" ON "attempts" ("assessmentId") `);
        await queryRunner.query(`CREATE INDEX "IDX_bc8960a10130aa1691d9edf080" ON "attempts" ("status", "deadline") `);
        await queryRunner.query(`CREATE TABLE "answers" ("id" varchar(36) PRIMARY KEY NOT NULL, "attemptId" varchar(36) NOT NULL, "questionId" varchar(120) NOT NULL, "content" text NOT NULL, "language" varchar(12), "version" integer NOT NULL, "savedAt" datetime(3) NOT NULL, "grading" text)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_47a0063a0ec59a5cc83ded0be7" ON "answers" ("attemptId", "questionId") `);
        await queryRunner.query(`CREATE TABLE "integrity_events" ("id" varchar(36) PRIMARY KEY NOT NULL, "attemptId" varchar(36) NOT NULL, "type" varchar(12) NOT NULL, "questionId" varchar(120), "detail" varchar(200) NOT NULL, "occurredAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_7144a9d6518be1ce6d66893a6f" ON "integrity_events" ("attemptId") `);
        await queryRunner.query(`DROP INDEX "IDX_ddc98f91c59170ffe68dbf30aa"`);
        await queryRunner.query(`DROP INDEX "IDX_a6eb6f2543de8a5a4c148b32a1"`);
        await queryRunner.query(`CREATE TABLE "temporary_invitations" ("id" varchar(36) PRIMARY KEY NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime(3) NOT NULL, "revokedAt" datetime(3), "usedAt" datetime(3), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_ddc98f91c59170ffe68dbf30aa8" FOREIGN KEY ("assessmentId") REFERENCES "assessments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9a7726fb24d1c93f041aee1fe52" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_invitations"("id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt") SELECT "id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt" FROM "invitations"`);
        await queryRunner.query(`DROP TABLE "invitations"`);
        await queryRunner.query(`ALTER TABLE "temporary_invitations" RENAME TO "invitations"`);
        await queryRunner.query(`CREATE INDEX "IDX_ddc98f91c59170ffe68dbf30aa" ON "invitations" ("assessmentId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a6eb6f2543de8a5a4c148b32a1" ON "invitations" ("tokenHash") `);
        await queryRunner.query(`DROP INDEX "IDX_3d4c4269c76295608d74e9153c"`);
        await queryRunner.query(`DROP INDEX "IDX_6777875e9c151b58b51b4539c4"`);
        await queryRunner.query(`DROP INDEX "IDX_bc8960a10130aa1691d9edf080"`);
        await queryRunner.query(`CREATE TABLE "temporary_attempts" ("id" varchar(36) PRIMARY KEY NOT NULL, "invitationId" varchar(36) NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "startedAt" datetime(3), "deadline" datetime(3), "submittedAt" datetime(3), "submittedBy" varchar(12), "gradedAt" datetime(3), "autoScore" double, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_3d4c4269c76295608d74e9153c5" FOREIGN KEY ("invitationId") REFERENCES "invitations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6777875e9c151b58b51b4539c40" FOREIGN KEY ("assessmentId") REFERENCES "assessments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_24819090507121ce750ff06295f" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_attempts"("id", "invitationId", "assessmentId", "candidateId", "status", "startedAt", "deadline", "submittedAt", "submittedBy", "gradedAt", "autoScore", "createdAt", "updatedAt") SELECT "id", "invitationId", "assessmentId", "candidateId", "status", "startedAt", "deadline", "submittedAt", "submittedBy", "gradedAt", "autoScore", "createdAt", "updatedAt" FROM "attempts"`);
        await queryRunner.query(`DROP TABLE "attempts"`);
        await queryRunner.query(`ALTER TABLE "temporary_attempts" RENAME TO "attempts"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3d4c4269c76295608d74e9153c" ON "attempts" ("invitationId") `);
        await queryRunner.query(`CREATE INDEX "IDX_6777875e9c151b58b51b4539c4" ON "attempts" ("assessmentId") `);
        await queryRunner.query(`CREATE INDEX "IDX_bc8960a10130aa1691d9edf080" ON "attempts" ("status", "deadline") `);
        await queryRunner.query(`DROP INDEX "IDX_47a0063a0ec59a5cc83ded0be7"`);
        await queryRunner.query(`CREATE TABLE "temporary_answers" ("id" varchar(36) PRIMARY KEY NOT NULL, "attemptId" varchar(36) NOT NULL, "questionId" varchar(120) NOT NULL, "content" text NOT NULL, "language" varchar(12), "version" integer NOT NULL, "savedAt" datetime(3) NOT NULL, "grading" text, CONSTRAINT "FK_0becc7e6bc7085c84cf2e289ca0" FOREIGN KEY ("attemptId") REFERENCES "attempts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_answers"("id", "attemptId", "questionId", "content", "language", "version", "savedAt", "grading") SELECT "id", "attemptId", "questionId", "content", "language", "version", "savedAt", "grading" FROM "answers"`);
        await queryRunner.query(`DROP TABLE "answers"`);
        await queryRunner.query(`ALTER TABLE "temporary_answers" RENAME TO "answers"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_47a0063a0ec59a5cc83ded0be7" ON "answers" ("attemptId", "questionId") `);
        await queryRunner.query(`DROP INDEX "IDX_7144a9d6518be1ce6d66893a6f"`);
        await queryRunner.query(`CREATE TABLE "temporary_integrity_events" ("id" varchar(36) PRIMARY KEY NOT NULL, "attemptId" varchar(36) NOT NULL, "type" varchar(12) NOT NULL, "questionId" varchar(120), "detail" varchar(200) NOT NULL, "occurredAt" datetime(3) NOT NULL, CONSTRAINT "FK_7144a9d6518be1ce6d66893a6fd" FOREIGN KEY ("attemptId") REFERENCES "attempts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_integrity_events"("id", "attemptId", "type", "questionId", "detail", "occurredAt") SELECT "id", "attemptId", "type", "questionId", "detail", "occurredAt" FROM "integrity_events"`);
        await queryRunner.query(`DROP TABLE "integrity_events"`);
        await queryRunner.query(`ALTER TABLE "temporary_integrity_events" RENAME TO "integrity_events"`);
        await queryRunner.query(`CREATE INDEX "IDX_7144a9d6518be1ce6d66893a6f" ON "integrity_events" ("attemptId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_7144a9d6518be1ce6d66893a6f"`);
        await queryRunner.query(`ALTER TABLE "integrity_events" RENAME TO "temporary_integrity_events"`);
        await queryRunner.query(`CREATE TABLE "integrity_events" ("id" varchar(36) PRIMARY KEY NOT NULL, "attemptId" varchar(36) NOT NULL, "type" varchar(12) NOT NULL, "questionId" varchar(120), "detail" varchar(200) NOT NULL, "occurredAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "integrity_events"("id", "attemptId", "type", "questionId", "detail", "occurredAt") SELECT "id", "attemptId", "type", "questionId", "detail", "occurredAt" FROM "temporary_integrity_events"`);
        await queryRunner.query(`DROP TABLE "temporary_integrity_events"`);
        await queryRunner.query(`CREATE INDEX "IDX_7144a9d6518be1ce6d66893a6f" ON "integrity_events" ("attemptId") `);
        await queryRunner.query(`DROP INDEX "IDX_47a0063a0ec59a5cc83ded0be7"`);
        await queryRunner.query(`ALTER TABLE "answers" RENAME TO "temporary_answers"`);
        await queryRunner.query(`CREATE TABLE "answers" ("id" varchar(36) PRIMARY KEY NOT NULL, "attemptId" varchar(36) NOT NULL, "questionId" varchar(120) NOT NULL, "content" text NOT NULL, "language" varchar(12), "version" integer NOT NULL, "savedAt" datetime(3) NOT NULL, "grading" text)`);
        await queryRunner.query(`INSERT INTO "answers"("id", "attemptId", "questionId", "content", "language", "version", "savedAt", "grading") SELECT "id", "attemptId", "questionId", "content", "language", "version", "savedAt", "grading" FROM "temporary_answers"`);
        await queryRunner.query(`DROP TABLE "temporary_answers"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_47a0063a0ec59a5cc83ded0be7" ON "answers" ("attemptId", "questionId") `);
        await queryRunner.query(`DROP INDEX "IDX_bc8960a10130aa1691d9edf080"`);
        await queryRunner.query(`DROP INDEX "IDX_6777875e9c151b58b51b4539c4"`);
        await queryRunner.query(`DROP INDEX "IDX_3d4c4269c76295608d74e9153c"`);
        await queryRunner.query(`ALTER TABLE "attempts" RENAME TO "temporary_attempts"`);
        await queryRunner.query(`CREATE TABLE "attempts" ("id" varchar(36) PRIMARY KEY NOT NULL, "invitationId" varchar(36) NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "startedAt" datetime(3), "deadline" datetime(3), "submittedAt" datetime(3), "submittedBy" varchar(12), "gradedAt" datetime(3), "autoScore" double, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "attempts"("id", "invitationId", "assessmentId", "candidateId", "status", "startedAt", "deadline", "submittedAt", "submittedBy", "gradedAt", "autoScore", "createdAt", "updatedAt") SELECT "id", "invitationId", "assessmentId", "candidateId", "status", "startedAt", "deadline", "submittedAt", "submittedBy", "gradedAt", "autoScore", "createdAt", "updatedAt" FROM "temporary_attempts"`);
        await queryRunner.query(`DROP TABLE "temporary_attempts"`);
        await queryRunner.query(`CREATE INDEX "IDX_bc8960a10130aa1691d9edf080" ON "attempts" ("status", "deadline") `);
        await queryRunner.query(`CREATE INDEX "IDX_6777875e9c151b58b51b4539c4" ON "attempts" ("assessmentId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3d4c4269c76295608d74e9153c" ON "attempts" ("invitationId") `);
        await queryRunner.query(`DROP INDEX "IDX_a6eb6f2543de8a5a4c148b32a1"`);
        await queryRunner.query(`DROP INDEX "IDX_ddc98f91c59170ffe68dbf30aa"`);
        await queryRunner.query(`ALTER TABLE "invitations" RENAME TO "temporary_invitations"`);
        await queryRunner.query(`CREATE TABLE "invitations" ("id" varchar(36) PRIMARY KEY NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime(3) NOT NULL, "revokedAt" datetime(3), "usedAt" datetime(3), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "invitations"("id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt") SELECT "id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt" FROM "temporary_invitations"`);
        await queryRunner.query(`DROP TABLE "temporary_invitations"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a6eb6f2543de8a5a4c148b32a1" ON "invitations" ("tokenHash") `);
        await queryRunner.query(`CREATE INDEX "IDX_ddc98f91c59170ffe68dbf30aa" ON "invitations" ("assessmentId") `);
        await queryRunner.query(`DROP INDEX "IDX_7144a9d6518be1ce6d66893a6f"`);
        await queryRunner.query(`DROP TABLE "integrity_events"`);
        await queryRunner.query(`DROP INDEX "IDX_47a0063a0ec59a5cc83ded0be7"`);
        await queryRunner.query(`DROP TABLE "answers"`);
        await queryRunner.query(`DROP INDEX "IDX_bc8960a10130aa1691d9edf080"`);
        await queryRunner.query(`DROP INDEX "IDX_6777875e9c151b58b51b4539c4"`);
        await queryRunner.query(`DROP INDEX "IDX_3d4c4269c76295608d74e9153c"`);
        await queryRunner.query(`DROP TABLE "attempts"`);
        await queryRunner.query(`DROP INDEX "IDX_a6eb6f2543de8a5a4c148b32a1"`);
        await queryRunner.query(`DROP INDEX "IDX_ddc98f91c59170ffe68dbf30aa"`);
        await queryRunner.query(`DROP TABLE "invitations"`);
        await queryRunner.query(`DROP TABLE "candidates"`);
    }

}
