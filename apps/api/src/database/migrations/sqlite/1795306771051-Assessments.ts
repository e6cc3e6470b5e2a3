import { MigrationInterface, QueryRunner } from "typeorm";

export class Assessments1795306771051 implements MigrationInterface {
    name = 'Assessments1795306771051'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "bank_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "questionId" varchar(120) NOT NULL, "contentHash" varchar(64) NOT NULL, "kind" varchar(12) NOT NULL, "content" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1de5dedec5d196eca3b68b57ad" ON "bank_questions" ("questionId", "contentHash") `);
        await queryRunner.query(`CREATE TABLE "assessments" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "seed" integer, "lang" varchar(2) NOT NULL, "roleFamily" varchar(20) NOT NULL, "durationMinutes" integer NOT NULL, "bankVersion" varchar(64) NOT NULL, "duties" text NOT NULL, "coveragePercent" double NOT NULL, "createdById" varchar(36), "publishedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_6ae656ee160b228c8177fcdda1" ON "assessments" ("postingId") `);
        await queryRunner.query(`CREATE TABLE "assessment_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "assessmentId" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "position" integer NOT NULL, "questionId" varchar(120) NOT NULL, "bankQuestionId" varchar(36) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c396f1acd94549ea229c9463aa" ON "assessment_questions" ("assessmentId", "questionId") `);
        await queryRunner.query(`CREATE TABLE "bank_versions" ("version" varchar(64) PRIMARY KEY NOT NULL, "questionCount" integer NOT NULL, "questionRows" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`DROP INDEX "IDX_6ae656ee160b228c8177fcdda1"`);
        await queryRunner.query(`CREATE TABLE "temporary_assessments" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "seed" integer, "lang" varchar(2) NOT NULL, "roleFamily" varchar(20) NOT NULL, "durationMinutes" integer NOT NULL, "bankVersion" varchar(64) NOT NULL, "duties" text NOT NULL, "coveragePercent" double NOT NULL, "createdById" varchar(36), "publishedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_6ae656ee160b228c8177fcdda11" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_assessments"("id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt") SELECT "id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt" FROM "assessments"`);
        await queryRunner.query(`DROP TABLE "assessments"`);
        await queryRunner.query(`ALTER TABLE "temporary_assessments" RENAME TO "assessments"`);
        await queryRunner.query(`CREATE INDEX "IDX_6ae656ee160b228c8177fcdda1" ON "assessments" ("postingId") `);
        await queryRunner.query(`DROP INDEX "IDX_c396f1acd94549ea229c9463aa"`);
        await queryRunner.query(`CREATE TABLE "temporary_assessment_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "assessmentId" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "position" integer NOT NULL, "questionId" varchar(120) NOT NULL, "bankQuestionId" varchar(36) NOT NULL, CONSTRAINT "FK_16fb99e3380527ecabd6921d62b" FOREIGN KEY ("assessmentId") REFERENCES "assessments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9589c5dfeeffcab4d31b9315506" FOREIGN KEY ("bankQuestionId") REFERENCES "bank_questions" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_assessment_questions"("id", "assessmentId", "kind", "position", "questionId", "bankQuestionId") SELECT "id", "assessmentId", "kind", "position", "questionId", "bankQuestionId" FROM "assessment_questions"`);
        await queryRunner.query(`DROP TABLE "assessment_questions"`);
        await queryRunner.query(`ALTER TABLE "temporary_assessment_questions" RENAME TO "assessment_questions"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c396f1acd94549ea229c9463aa" ON "assessment_questions" ("assessmentId", "questionId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_c396f1acd94549ea229c9463aa"`);
        await queryRunner.query(`ALTER TABLE "assessment_questions" RENAME TO "temporary_assessment_questions"`);
        await queryRunner.query(`CREATE TABLE "assessment_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "assessmentId" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "position" integer NOT NULL, "questionId" varchar(120) NOT NULL, "bankQuestionId" varchar(36) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "assessment_questions"("id", "assessmentId", "kind", "position", "questionId", "bankQuestionId") SELECT "id", "assessmentId", "kind", "position", "questionId", "bankQuestionId" FROM "temporary_assessment_questions"`);
        await queryRunner.query(`DROP TABLE "temporary_assessment_questions"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c396f1acd94549ea229c9463aa" ON "assessment_questions" ("assessmentId", "questionId") `);
        await queryRunner.query(`DROP INDEX "IDX_6ae656ee160b228c8177fcdda1"`);
        await queryRunner.query(`ALTER TABLE "assessments" RENAME TO "temporary_assessments"`);
        await queryRunner.query(`CREATE TABLE "assessments" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "seed" integer, "lang" varchar(2) NOT NULL, "roleFamily" varchar(20) NOT NULL, "durationMinutes" integer NOT NULL, "bankVersion" varchar(64) NOT NULL, "duties" text NOT NULL, "coveragePercent" double NOT NULL, "createdById" varchar(36), "publishedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "assessments"("id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt") SELECT "id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt" FROM "temporary_assessments"`);
        await queryRunner.query(`DROP TABLE "temporary_assessments"`);
        await queryRunner.query(`CREATE INDEX "IDX_6ae656ee160b228c8177fcdda1" ON "assessments" ("postingId") `);
        await queryRunner.query(`DROP TABLE "bank_versions"`);
        await queryRunner.query(`DROP INDEX "IDX_c396f1acd94549ea229c9463aa"`);
        await queryRunner.query(`DROP TABLE "assessment_questions"`);
        await queryRunner.query(`DROP INDEX "IDX_6ae656ee160b228c8177fcdda1"`);
        await queryRunner.query(`DROP TABLE "assessments"`);
        await queryRunner.query(`DROP INDEX "IDX_1de5dedec5d196eca3b68b57ad"`);
        await queryRunner.query(`DROP TABLE "bank_questions"`);
    }

}
