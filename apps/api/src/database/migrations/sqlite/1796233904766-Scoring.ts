import { MigrationInterface, QueryRunner } from "typeorm";

export class Scoring1796233904766 implements MigrationInterface {
    name = 'Scoring1796233904766'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "score_sheets" ("id" varchar(36) PRIMARY KEY NOT NULL, "subjectKind" varchar(12) NOT NULL, "subjectId" varchar(36) NOT NULL, "postingId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "raterId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "recommendation" varchar(12), "assignedById" varchar(36) NOT NULL, "assignedAt" datetime(3) NOT NULL, "submittedAt" datetime(3))`);
        await queryRunner.query(`CREATE INDEX "IDX_bc117acdeb7aece7e956862010" ON "score_sheets" ("postingId", "candidateId") `);
        await queryRunner.query(`CREATE INDEX "IDX_182ba90bf676453ed46a87d20b" ON "score_sheets" ("raterId", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4da792bdf097f211d154fd1c8f" ON "score_sheets" ("subjectKind", "subjectId", "raterId") `);
        await queryRunner.query(`CREATE TABLE "scores" ("id" varchar(36) PRIMARY KEY NOT NULL, "sheetId" varchar(36) NOT NULL, "questionId" varchar(120) NOT NULL, "criterionId" varchar(64) NOT NULL, "level" integer, "evidence" text NOT NULL, "overrideReason" text, "updatedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_f8c9b8ad44387ec1f70dda1b77" ON "scores" ("sheetId", "questionId", "criterionId", "level") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_91c7e989e19f2d685105bdd0cc" ON "scores" ("sheetId", "questionId", "criterionId") `);
        await queryRunner.query(`CREATE TABLE "score_amendments" ("id" varchar(36) PRIMARY KEY NOT NULL, "sheetId" varchar(36) NOT NULL, "questionId" varchar(120), "criterionId" varchar(64), "before" text NOT NULL, "after" text NOT NULL, "reason" text NOT NULL, "amendedById" varchar(36) NOT NULL, "amendedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_7d17425558b12a3c09168e6c71" ON "score_amendments" ("sheetId", "amendedAt") `);
        await queryRunner.query(`CREATE TABLE "scorecards" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "total" double, "ratersAssigned" integer NOT NULL, "ratersSubmitted" integer NOT NULL, "flagCount" integer NOT NULL, "flags" text NOT NULL, "competencies" text NOT NULL, "recommendations" text NOT NULL, "sources" text NOT NULL, "pendingRaters" text NOT NULL, "updatedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_4d26a7cefa9713d3fbed92cab4" ON "scorecards" ("postingId", "total") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d29c44949e3a00536a3df044c2" ON "scorecards" ("postingId", "candidateId") `);
        await queryRunner.query(`CREATE TABLE "audit_log" ("id" varchar(36) PRIMARY KEY NOT NULL, "at" datetime(3) NOT NULL, "actorId" varchar(36), "actorEmail" varchar(254), "actorRole" varchar(20), "ip" varchar(64), "action" varchar(40) NOT NULL, "targetType" varchar(40) NOT NULL, "targetId" varchar(120) NOT NULL, "changes" text NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_5a838a143d15cdbac0f45b32d2" ON "audit_log" ("actorId", "at") `);
        await queryRunner.query(`CREATE INDEX "IDX_a6b8adfa094785bf8ed30f2688" ON "audit_log" ("action", "at") `);
        await queryRunner.query(`CREATE INDEX "IDX_7c0cca6e6369db3a240aa4cf13" ON "audit_log" ("targetType", "targetId") `);
        await queryRunner.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log" ("at") `);
        await queryRunner.query(`DROP INDEX "IDX_6ae656ee160b228c8177fcdda1"`);
        await queryRunner.query(`CREATE TABLE "temporary_assessments" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "seed" integer, "lang" varchar(2) NOT NULL, "roleFamily" varchar(20) NOT NULL, "durationMinutes" integer NOT NULL, "bankVersion" varchar(64) NOT NULL, "duties" json NOT NULL, "coveragePercent" double NOT NULL, "createdById" varchar(36), "publishedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "blindScoring" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_6ae656ee160b228c8177fcdda11" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_assessments"("id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt") SELECT "id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt" FROM "assessments"`);
        await queryRunner.query(`DROP TABLE "assessments"`);
        await queryRunner.query(`ALTER TABLE "temporary_assessments" RENAME TO "assessments"`);
        await queryRunner.query(`CREATE INDEX "IDX_6ae656ee160b228c8177fcdda1" ON "assessments" ("postingId") `);
        await queryRunner.query(`DROP INDEX "IDX_bc117acdeb7aece7e956862010"`);
        await queryRunner.query(`DROP INDEX "IDX_182ba90bf676453ed46a87d20b"`);
        await queryRunner.query(`DROP INDEX "IDX_4da792bdf097f211d154fd1c8f"`);
        await queryRunner.query(`CREATE TABLE "temporary_score_sheets" ("id" varchar(36) PRIMARY KEY NOT NULL, "subjectKind" varchar(12) NOT NULL, "subjectId" varchar(36) NOT NULL, "postingId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "raterId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "recommendation" varchar(12), "assignedById" varchar(36) NOT NULL, "assignedAt" datetime(3) NOT NULL, "submittedAt" datetime(3), CONSTRAINT "FK_bcb8454735d59cc39340ba00336" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e32e29b333091290627ca35b27c" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9a50b5e7245c6f59da3bfed6c40" FOREIGN KEY ("raterId") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_score_sheets"("id", "subjectKind", "subjectId", "postingId", "candidateId", "raterId", "status", "recommendation", "assignedById", "assignedAt", "submittedAt") SELECT "id", "subjectKind", "subjectId", "postingId", "candidateId", "raterId", "status", "recommendation", "assignedById", "assignedAt", "submittedAt" FROM "score_sheets"`);
        await queryRunner.query(`DROP TABLE "score_sheets"`);
        await queryRunner.query(`ALTER TABLE "temporary_score_sheets" RENAME TO "score_sheets"`);
        await queryRunner.query(`CREATE INDEX "IDX_bc117acdeb7aece7e956862010" ON "score_sheets" ("postingId", "candidateId") `);
        await queryRunner.query(`CREATE INDEX "IDX_182ba90bf676453ed46a87d20b" ON "score_sheets" ("raterId", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4da792bdf097f211d154fd1c8f" ON "score_sheets" ("subjectKind", "subjectId", "raterId") `);
        await queryRunner.query(`DROP INDEX "IDX_f8c9b8ad44387ec1f70dda1b77"`);
        await queryRunner.query(`DROP INDEX "IDX_91c7e989e19f2d685105bdd0cc"`);
        await queryRunner.query(`CREATE TABLE "temporary_scores" ("id" varchar(36) PRIMARY KEY NOT NULL, "sheetId" varchar(36) NOT NULL, "questionId" varchar(120) NOT NULL, "criterionId" varchar(64) NOT NULL, "level" integer, "evidence" text NOT NULL, "overrideReason" text, "updatedAt" datetime(3) NOT NULL, CONSTRAINT "FK_7165f76cf763a7ede2b24f3364e" FOREIGN KEY ("sheetId") REFERENCES "score_sheets" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_scores"("id", "sheetId", "questionId", "criterionId", "level", "evidence", "overrideReason", "updatedAt") SELECT "id", "sheetId", "questionId", "criterionId", "level", "evidence", "overrideReason", "updatedAt" FROM "scores"`);
        await queryRunner.query(`DROP TABLE "scores"`);
        await queryRunner.query(`ALTER TABLE "temporary_scores" RENAME TO "scores"`);
        await queryRunner.query(`CREATE INDEX "IDX_f8c9b8ad44387ec1f70dda1b77" ON "scores" ("sheetId", "questionId", "criterionId", "level") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_91c7e989e19f2d685105bdd0cc" ON "scores" ("sheetId", "questionId", "criterionId") `);
        await queryRunner.query(`DROP INDEX "IDX_7d17425558b12a3c09168e6c71"`);
        await queryRunner.query(`CREATE TABLE "temporary_score_amendments" ("id" varchar(36) PRIMARY KEY NOT NULL, "sheetId" varchar(36) NOT NULL, "questionId" varchar(120), "criterionId" varchar(64), "before" text NOT NULL, "after" text NOT NULL, "reason" text NOT NULL, "amendedById" varchar(36) NOT NULL, "amendedAt" datetime(3) NOT NULL, CONSTRAINT "FK_bc1a523335712d6eaff15597b3c" FOREIGN KEY ("sheetId") REFERENCES "score_sheets" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_score_amendments"("id", "sheetId", "questionId", "criterionId", "before", "after", "reason", "amendedById", "amendedAt") SELECT "id", "sheetId", "questionId", "criterionId", "before", "after", "reason", "amendedById", "amendedAt" FROM "score_amendments"`);
        await queryRunner.query(`DROP TABLE "score_amendments"`);
        await queryRunner.query(`ALTER TABLE "temporary_score_amendments" RENAME TO "score_amendments"`);
        await queryRunner.query(`CREATE INDEX "IDX_7d17425558b12a3c09168e6c71" ON "score_amendments" ("sheetId", "amendedAt") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_7d17425558b12a3c09168e6c71"`);
        await queryRunner.query(`ALTER TABLE "score_amendments" RENAME TO "temporary_score_amendments"`);
        await queryRunner.query(`CREATE TABLE "score_amendments" ("id" varchar(36) PRIMARY KEY NOT NULL, "sheetId" varchar(36) NOT NULL, "questionId" varchar(120), "criterionId" varchar(64), "before" text NOT NULL, "after" text NOT NULL, "reason" text NOT NULL, "amendedById" varchar(36) NOT NULL, "amendedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "score_amendments"("id", "sheetId", "questionId", "criterionId", "before", "after", "reason", "amendedById", "amendedAt") SELECT "id", "sheetId", "questionId", "criterionId", "before", "after", "reason", "amendedById", "amendedAt" FROM "temporary_score_amendments"`);
        await queryRunner.query(`DROP TABLE "temporary_score_amendments"`);
        await queryRunner.query(`CREATE INDEX "IDX_7d17425558b12a3c09168e6c71" ON "score_amendments" ("sheetId", "amendedAt") `);
        await queryRunner.query(`DROP INDEX "IDX_91c7e989e19f2d685105bdd0cc"`);
        await queryRunner.query(`DROP INDEX "IDX_f8c9b8ad44387ec1f70dda1b77"`);
        await queryRunner.query(`ALTER TABLE "scores" RENAME TO "temporary_scores"`);
        await queryRunner.query(`CREATE TABLE "scores" ("id" varchar(36) PRIMARY KEY NOT NULL, "sheetId" varchar(36) NOT NULL, "questionId" varchar(120) NOT NULL, "criterionId" varchar(64) NOT NULL, "level" integer, "evidence" text NOT NULL, "overrideReason" text, "updatedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "scores"("id", "sheetId", "questionId", "criterionId", "level", "evidence", "overrideReason", "updatedAt") SELECT "id", "sheetId", "questionId", "criterionId", "level", "evidence", "overrideReason", "updatedAt" FROM "temporary_scores"`);
        await queryRunner.query(`DROP TABLE "temporary_scores"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_91c7e989e19f2d685105bdd0cc" ON "scores" ("sheetId", "questionId", "criterionId") `);
        await queryRunner.query(`CREATE INDEX "IDX_f8c9b8ad44387ec1f70dda1b77" ON "scores" ("sheetId", "questionId", "criterionId", "level") `);
        await queryRunner.query(`DROP INDEX "IDX_4da792bdf097f211d154fd1c8f"`);
        await queryRunner.query(`DROP INDEX "IDX_182ba90bf676453ed46a87d20b"`);
        await queryRunner.query(`DROP INDEX "IDX_bc117acdeb7aece7e956862010"`);
        await queryRunner.query(`ALTER TABLE "score_sheets" RENAME TO "temporary_score_sheets"`);
        await queryRunner.query(`CREATE TABLE "score_sheets" ("id" varchar(36) PRIMARY KEY NOT NULL, "subjectKind" varchar(12) NOT NULL, "subjectId" varchar(36) NOT NULL, "postingId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "raterId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "recommendation" varchar(12), "assignedById" varchar(36) NOT NULL, "assignedAt" datetime(3) NOT NULL, "submittedAt" datetime(3))`);
        await queryRunner.query(`INSERT INTO "score_sheets"("id", "subjectKind", "subjectId", "postingId", "candidateId", "raterId", "status", "recommendation", "assignedById", "assignedAt", "submittedAt") SELECT "id", "subjectKind", "subjectId", "postingId", "candidateId", "raterId", "status", "recommendation", "assignedById", "assignedAt", "submittedAt" FROM "temporary_score_sheets"`);
        await queryRunner.query(`DROP TABLE "temporary_score_sheets"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4da792bdf097f211d154fd1c8f" ON "score_sheets" ("subjectKind", "subjectId", "raterId") `);
        await queryRunner.query(`CREATE INDEX "IDX_182ba90bf676453ed46a87d20b" ON "score_sheets" ("raterId", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_bc117acdeb7aece7e956862010" ON "score_sheets" ("postingId", "candidateId") `);
        await queryRunner.query(`DROP INDEX "IDX_6ae656ee160b228c8177fcdda1"`);
        await queryRunner.query(`ALTER TABLE "assessments" RENAME TO "temporary_assessments"`);
        await queryRunner.query(`CREATE TABLE "assessments" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "seed" integer, "lang" varchar(2) NOT NULL, "roleFamily" varchar(20) NOT NULL, "durationMinutes" integer NOT NULL, "bankVersion" varchar(64) NOT NULL, "duties" json NOT NULL, "coveragePercent" double NOT NULL, "createdById" varchar(36), "publishedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_6ae656ee160b228c8177fcdda11" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "assessments"("id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt") SELECT "id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt" FROM "temporary_assessments"`);
        await queryRunner.query(`DROP TABLE "temporary_assessments"`);
        await queryRunner.query(`CREATE INDEX "IDX_6ae656ee160b228c8177fcdda1" ON "assessments" ("postingId") `);
        await queryRunner.query(`DROP INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5"`);
        await queryRunner.query(`DROP INDEX "IDX_7c0cca6e6369db3a240aa4cf13"`);
        await queryRunner.query(`DROP INDEX "IDX_a6b8adfa094785bf8ed30f2688"`);
        await queryRunner.query(`DROP INDEX "IDX_5a838a143d15cdbac0f45b32d2"`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
        await queryRunner.query(`DROP INDEX "IDX_d29c44949e3a00536a3df044c2"`);
        await queryRunner.query(`DROP INDEX "IDX_4d26a7cefa9713d3fbed92cab4"`);
        await queryRunner.query(`DROP TABLE "scorecards"`);
        await queryRunner.query(`DROP INDEX "IDX_7d17425558b12a3c09168e6c71"`);
        await queryRunner.query(`DROP TABLE "score_amendments"`);
        await queryRunner.query(`DROP INDEX "IDX_91c7e989e19f2d685105bdd0cc"`);
        await queryRunner.query(`DROP INDEX "IDX_f8c9b8ad44387ec1f70dda1b77"`);
        await queryRunner.query(`DROP TABLE "scores"`);
        await queryRunner.query(`DROP INDEX "IDX_4da792bdf097f211d154fd1c8f"`);
        await queryRunner.query(`DROP INDEX "IDX_182ba90bf676453ed46a87d20b"`);
        await queryRunner.query(`DROP INDEX "IDX_bc117acdeb7aece7e956862010"`);
        await queryRunner.query(`DROP TABLE "score_sheets"`);
    }

}
