import { MigrationInterface, QueryRunner } from "typeorm";

export class Interviews1796219606905 implements MigrationInterface {
    name = 'Interviews1796219606905'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "interview_panel" ("interviewId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "position" integer NOT NULL, PRIMARY KEY ("interviewId", "userId"))`);
        await queryRunner.query(`CREATE TABLE "interview_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "interviewId" varchar(36) NOT NULL, "position" integer NOT NULL, "kind" varchar(12) NOT NULL, "questionId" varchar(120) NOT NULL, "bankQuestionId" varchar(36) NOT NULL, "revealedAt" datetime(3))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fdc48402eaf9c9b94611eecc91" ON "interview_questions" ("interviewId", "position") `);
        await queryRunner.query(`CREATE TABLE "interviews" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "startsAt" datetime(3) NOT NULL, "durationMinutes" integer NOT NULL, "language" varchar(12) NOT NULL, "status" varchar(12) NOT NULL DEFAULT ('scheduled'), "startedAt" datetime(3), "endedAt" datetime(3), "linkHash" varchar(64) NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_d6218d51ba7e76703fc2885f69" ON "interviews" ("postingId") `);
        await queryRunner.query(`CREATE INDEX "IDX_b15d2cbb2808004bbc98bed835" ON "interviews" ("startsAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ce67915dd53c50176602e597e5" ON "interviews" ("linkHash") `);
        await queryRunner.query(`CREATE TABLE "interview_updates" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "interviewId" varchar(36) NOT NULL, "questionId" varchar(36) NOT NULL, "seq" integer NOT NULL, "at" bigint NOT NULL, "author" varchar(36) NOT NULL, "update" blob NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_14a73e9180a80a49201a8ff347" ON "interview_updates" ("interviewId", "questionId", "seq") `);
        await queryRunner.query(`CREATE TABLE "interview_snapshots" ("interviewId" varchar(36) NOT NULL, "questionId" varchar(36) NOT NULL, "seq" integer NOT NULL, "state" json NOT NULL, PRIMARY KEY ("interviewId", "questionId"))`);
        await queryRunner.query(`CREATE TABLE "interview_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "interviewId" varchar(36) NOT NULL, "at" bigint NOT NULL, "kind" varchar(12) NOT NULL, "actor" varchar(36) NOT NULL, "questionId" varchar(36), "detail" json)`);
        await queryRunner.query(`CREATE INDEX "IDX_45f21c47337f8c687de9fabb7d" ON "interview_events" ("interviewId", "at") `);
        await queryRunner.query(`CREATE TABLE "interview_notes" ("interviewId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "body" text NOT NULL, "shared" boolean NOT NULL DEFAULT (0), "updatedAt" datetime(3) NOT NULL, PRIMARY KEY ("interviewId", "userId"))`);
        await queryRunner.query(`CREATE TABLE "temporary_interview_panel" ("interviewId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "position" integer NOT NULL, CONSTRAINT "FK_d5fd4d05f20169a7c6170efaf93" FOREIGN KEY ("interviewId") REFERENCES "interviews" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_5c2a9493264dd386d94039dbf9c" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("interviewId", "userId"))`);
        await queryRunner.query(`INSERT INTO "temporary_interview_panel"("interviewId", "userId", "position") SELECT "interviewId", "userId", "position" FROM "interview_panel"`);
        await queryRunner.query(`DROP TABLE "interview_panel"`);
        await queryRunner.query(`ALTER TABLE "temporary_interview_panel" RENAME TO "interview_panel"`);
        await queryRunner.query(`DROP INDEX "IDX_fdc48402eaf9c9b94611eecc91"`);
        await queryRunner.query(`CREATE TABLE "temporary_interview_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "interviewId" varchar(36) NOT NULL, "position" integer NOT NULL, "kind" varchar(12) NOT NULL, "questionId" varchar(120) NOT NULL, "bankQuestionId" varchar(36) NOT NULL, "revealedAt" datetime(3), CONSTRAINT "FK_511bc17de23229727c1f5183d90" FOREIGN KEY ("interviewId") REFERENCES "interviews" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6e9366f260be88caedbf55ed7e8" FOREIGN KEY ("bankQuestionId") REFERENCES "bank_questions" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_interview_questions"("id", "interviewId", "position", "kind", "questionId", "bankQuestionId", "revealedAt") SELECT "id", "interviewId", "position", "kind", "questionId", "bankQuestionId", "revealedAt" FROM "interview_questions"`);
        await queryRunner.query(`DROP TABLE "interview_questions"`);
        await queryRunner.query(`ALTER TABLE "temporary_interview_questions" RENAME TO "interview_questions"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fdc48402eaf9c9b94611eecc91" ON "interview_questions" ("interviewId", "position") `);
        await queryRunner.query(`DROP INDEX "IDX_d6218d51ba7e76703fc2885f69"`);
        await queryRunner.query(`DROP INDEX "IDX_b15d2cbb2808004bbc98bed835"`);
        await queryRunner.query(`DROP INDEX "IDX_ce67915dd53c50176602e597e5"`);
        await queryRunner.query(`CREATE TABLE "temporary_interviews" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "startsAt" datetime(3) NOT NULL, "durationMinutes" integer NOT NULL, "language" varchar(12) NOT NULL, "status" varchar(12) NOT NULL DEFAULT ('scheduled'), "startedAt" datetime(3), "endedAt" datetime(3), "linkHash" varchar(64) NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, CONSTRAINT "FK_d6218d51ba7e76703fc2885f69d" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_9b47fb5a4e06ccb14d20d2f06fd" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_interviews"("id", "postingId", "candidateId", "startsAt", "durationMinutes", "language", "status", "startedAt", "endedAt", "linkHash", "createdById", "createdAt") SELECT "id", "postingId", "candidateId", "startsAt", "durationMinutes", "language", "status", "startedAt", "endedAt", "linkHash", "createdById", "createdAt" FROM "interviews"`);
        await queryRunner.query(`DROP TABLE "interviews"`);
        await queryRunner.query(`ALTER TABLE "temporary_interviews" RENAME TO "interviews"`);
        await queryRunner.query(`CREATE INDEX "IDX_d6218d51ba7e76703fc2885f69" ON "interviews" ("postingId") `);
        await queryRunner.query(`CREATE INDEX "IDX_b15d2cbb2808004bbc98bed835" ON "interviews" ("startsAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ce67915dd53c50176602e597e5" ON "interviews" ("linkHash") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_ce67915dd53c50176602e597e5"`);
        await queryRunner.query(`DROP INDEX "IDX_b15d2cbb2808004bbc98bed835"`);
        await queryRunner.query(`DROP INDEX "IDX_d6218d51ba7e76703fc2885f69"`);
        await queryRunner.query(`ALTER TABLE "interviews" RENAME TO "temporary_interviews"`);
        await queryRunner.query(`CREATE TABLE "interviews" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "startsAt" datetime(3) NOT NULL, "durationMinutes" integer NOT NULL, "language" varchar(12) NOT NULL, "status" varchar(12) NOT NULL DEFAULT ('scheduled'), "startedAt" datetime(3), "endedAt" datetime(3), "linkHash" varchar(64) NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "interviews"("id", "postingId", "candidateId", "startsAt", "durationMinutes", "language", "status", "startedAt", "endedAt", "linkHash", "createdById", "createdAt") SELECT "id", "postingId", "candidateId", "startsAt", "durationMinutes", "language", "status", "startedAt", "endedAt", "linkHash", "createdById", "createdAt" FROM "temporary_interviews"`);
        await queryRunner.query(`DROP TABLE "temporary_interviews"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ce67915dd53c50176602e597e5" ON "interviews" ("linkHash") `);
        await queryRunner.query(`CREATE INDEX "IDX_b15d2cbb2808004bbc98bed835" ON "interviews" ("startsAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_d6218d51ba7e76703fc2885f69" ON "interviews" ("postingId") `);
        await queryRunner.query(`DROP INDEX "IDX_fdc48402eaf9c9b94611eecc91"`);
        await queryRunner.query(`ALTER TABLE "interview_questions" RENAME TO "temporary_interview_questions"`);
        await queryRunner.query(`CREATE TABLE "interview_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "interviewId" varchar(36) NOT NULL, "position" integer NOT NULL, "kind" varchar(12) NOT NULL, "questionId" varchar(120) NOT NULL, "bankQuestionId" varchar(36) NOT NULL, "revealedAt" datetime(3))`);
        await queryRunner.query(`INSERT INTO "interview_questions"("id", "interviewId", "position", "kind", "questionId", "bankQuestionId", "revealedAt") SELECT "id", "interviewId", "position", "kind", "questionId", "bankQuestionId", "revealedAt" FROM "temporary_interview_questions"`);
        await queryRunner.query(`DROP TABLE "temporary_interview_questions"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fdc48402eaf9c9b94611eecc91" ON "interview_questions" ("interviewId", "position") `);
        await queryRunner.query(`ALTER TABLE "interview_panel" RENAME TO "temporary_interview_panel"`);
        await queryRunner.query(`CREATE TABLE "interview_panel" ("interviewId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "position" integer NOT NULL, PRIMARY KEY ("interviewId", "userId"))`);
        await queryRunner.query(`INSERT INTO "interview_panel"("interviewId", "userId", "position") SELECT "interviewId", "userId", "position" FROM "temporary_interview_panel"`);
        await queryRunner.query(`DROP TABLE "temporary_interview_panel"`);
        await queryRunner.query(`DROP TABLE "interview_notes"`);
        await queryRunner.query(`DROP INDEX "IDX_45f21c47337f8c687de9fabb7d"`);
        await queryRunner.query(`DROP TABLE "interview_events"`);
        await queryRunner.query(`DROP TABLE "interview_snapshots"`);
        await queryRunner.query(`DROP INDEX "IDX_14a73e9180a80a49201a8ff347"`);
        await queryRunner.query(`DROP TABLE "interview_updates"`);
        await queryRunner.query(`DROP INDEX "IDX_ce67915dd53c50176602e597e5"`);
        await queryRunner.query(`DROP INDEX "IDX_b15d2cbb2808004bbc98bed835"`);
        await queryRunner.query(`DROP INDEX "IDX_d6218d51ba7e76703fc2885f69"`);
        await queryRunner.query(`DROP TABLE "interviews"`);
        await queryRunner.query(`DROP INDEX "IDX_fdc48402eaf9c9b94611eecc91"`);
        await queryRunner.query(`DROP TABLE "interview_questions"`);
        await queryRunner.query(`DROP TABLE "interview_panel"`);
    }

}
