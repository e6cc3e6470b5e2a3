import { MigrationInterface, QueryRunner } from "typeorm";

export class AttemptExtraTime1795320000000 implements MigrationInterface {
    name = 'AttemptExtraTime1795320000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "attempt_adjustments" ("id" varchar(36) PRIMARY KEY NOT NULL, "attemptId" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "minutes" integer, "byUserId" varchar(36) NOT NULL, "at" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_44bda6cbdef76e414a24d8a64c" ON "attempt_adjustments" ("attemptId") `);
        await queryRunner.query(`DROP INDEX "IDX_bc8960a10130aa1691d9edf080"`);
        await queryRunner.query(`DROP INDEX "IDX_6777875e9c151b58b51b4539c4"`);
        await queryRunner.query(`DROP INDEX "IDX_3d4c4269c76295608d74e9153c"`);
        await queryRunner.query(`CREATE TABLE "temporary_attempts" ("id" varchar(36) PRIMARY KEY NOT NULL, "invitationId" varchar(36) NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "startedAt" datetime(3), "deadline" datetime(3), "submittedAt" datetime(3), "submittedBy" varchar(12), "gradedAt" datetime(3), "autoScore" double, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "extraMinutes" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_24819090507121ce750ff06295f" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6777875e9c151b58b51b4539c40" FOREIGN KEY ("assessmentId") REFERENCES "assessments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_3d4c4269c76295608d74e9153c5" FOREIGN KEY ("invitationId") REFERENCES "invitations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_attempts"("id", "invitationId", "assessmentId", "candidateId", "status", "startedAt", "deadline", "submittedAt", "submittedBy", "gradedAt", "autoScore", "createdAt", "updatedAt") SELECT "id", "invitationId", "assessmentId", "candidateId", "status", "startedAt", "deadline", "submittedAt", "submittedBy", "gradedAt", "autoScore", "createdAt", "updatedAt" FROM "attempts"`);
        await queryRunner.query(`DROP TABLE "attempts"`);
        await queryRunner.query(`ALTER TABLE "temporary_attempts" RENAME TO "attempts"`);
        await queryRunner.query(`CREATE INDEX "IDX_bc8960a10130aa1691d9edf080" ON "attempts" ("status", "deadline") `);
        await queryRunner.query(`CREATE INDEX "IDX_6777875e9c151b58b51b4539c4" ON "attempts" ("assessmentId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3d4c4269c76295608d74e9153c" ON "attempts" ("invitationId") `);
        await queryRunner.query(`DROP INDEX "IDX_44bda6cbdef76e414a24d8a64c"`);
        await queryRunner.query(`CREATE TABLE "temporary_attempt_adjustments" ("id" varchar(36) PRIMARY KEY NOT NULL, "attemptId" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "minutes" integer, "byUserId" varchar(36) NOT NULL, "at" datetime(3) NOT NULL, CONSTRAINT "FK_44bda6cbdef76e414a24d8a64c0" FOREIGN KEY ("attemptId") REFERENCES "attempts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_attempt_adjustments"("id", "attemptId", "kind", "minutes", "byUserId", "at") SELECT "id", "attemptId", "kind", "minutes", "byUserId", "at" FROM "attempt_adjustments"`);
        await queryRunner.query(`DROP TABLE "attempt_adjustments"`);
        await queryRunner.query(`ALTER TABLE "temporary_attempt_adjustments" RENAME TO "attempt_adjustments"`);
        await queryRunner.query(`CREATE INDEX "IDX_44bda6cbdef76e414a24d8a64c" ON "attempt_adjustments" ("attemptId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_44bda6cbdef76e414a24d8a64c"`);
        await queryRunner.query(`ALTER TABLE "attempt_adjustments" RENAME TO "temporary_attempt_adjustments"`);
        await queryRunner.query(`CREATE TABLE "attempt_adjustments" ("id" varchar(36) PRIMARY KEY NOT NULL, "attemptId" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "minutes" integer, "byUserId" varchar(36) NOT NULL, "at" datetime(3) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "attempt_adjustments"("id", "attemptId", "kind", "minutes", "byUserId", "at") SELECT "id", "attemptId", "kind", "minutes", "byUserId", "at" FROM "temporary_attempt_adjustments"`);
        await queryRunner.query(`DROP TABLE "temporary_attempt_adjustments"`);
        await queryRunner.query(`CREATE INDEX "IDX_44bda6cbdef76e414a24d8a64c" ON "attempt_adjustments" ("attemptId") `);
        await queryRunner.query(`DROP INDEX "IDX_3d4c4269c76295608d74e9153c"`);
        await queryRunner.query(`DROP INDEX "IDX_6777875e9c151b58b51b4539c4"`);
        await queryRunner.query(`DROP INDEX "IDX_bc8960a10130aa1691d9edf080"`);
        await queryRunner.query(`ALTER TABLE "attempts" RENAME TO "temporary_attempts"`);
        await queryRunner.query(`CREATE TABLE "attempts" ("id" varchar(36) PRIMARY KEY NOT NULL, "invitationId" varchar(36) NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "startedAt" datetime(3), "deadline" datetime(3), "submittedAt" datetime(3), "submittedBy" varchar(12), "gradedAt" datetime(3), "autoScore" double, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_24819090507121ce750ff06295f" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6777875e9c151b58b51b4539c40" FOREIGN KEY ("assessmentId") REFERENCES "assessments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_3d4c4269c76295608d74e9153c5" FOREIGN KEY ("invitationId") REFERENCES "invitations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "attempts"("id", "invitationId", "assessmentId", "candidateId", "status", "startedAt", "deadline", "submittedAt", "submittedBy", "gradedAt", "autoScore", "createdAt", "updatedAt") SELECT "id", "invitationId", "assessmentId", "candidateId", "status", "startedAt", "deadline", "submittedAt", "submittedBy", "gradedAt", "autoScore", "createdAt", "updatedAt" FROM "temporary_attempts"`);
        await queryRunner.query(`DROP TABLE "temporary_attempts"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3d4c4269c76295608d74e9153c" ON "attempts" ("invitationId") `);
        await queryRunner.query(`CREATE INDEX "IDX_6777875e9c151b58b51b4539c4" ON "attempts" ("assessmentId") `);
        await queryRunner.query(`CREATE INDEX "IDX_bc8960a10130aa1691d9edf080" ON "attempts" ("status", "deadline") `);
        await queryRunner.query(`DROP INDEX "IDX_44bda6cbdef76e414a24d8a64c"`);
        await queryRunner.query(`DROP TABLE "attempt_adjustments"`);
    }

}
