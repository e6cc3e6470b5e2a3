import { MigrationInterface, QueryRunner } from "typeorm";

export class AssessmentFamilyReasons1796278899770 implements MigrationInterface {
    name = 'AssessmentFamilyReasons1796278899770'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_6ae656ee160b228c8177fcdda1"`);
        await queryRunner.query(`CREATE TABLE "temporary_assessments" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "seed" integer, "lang" varchar(2) NOT NULL, "roleFamily" varchar(20) NOT NULL, "durationMinutes" integer NOT NULL, "bankVersion" varchar(64) NOT NULL, "duties" json NOT NULL, "coveragePercent" double NOT NULL, "createdById" varchar(36), "publishedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "blindScoring" boolean NOT NULL DEFAULT (0), "familyReasons" json, CONSTRAINT "FK_6ae656ee160b228c8177fcdda11" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_assessments"("id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt", "blindScoring") SELECT "id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt", "blindScoring" FROM "assessments"`);
        await queryRunner.query(`DROP TABLE "assessments"`);
        await queryRunner.query(`ALTER TABLE "temporary_assessments" RENAME TO "assessments"`);
        await queryRunner.query(`CREATE INDEX "IDX_6ae656ee160b228c8177fcdda1" ON "assessments" ("postingId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_6ae656ee160b228c8177fcdda1"`);
        await queryRunner.query(`ALTER TABLE "assessments" RENAME TO "temporary_assessments"`);
        await queryRunner.query(`CREATE TABLE "assessments" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "seed" integer, "lang" varchar(2) NOT NULL, "roleFamily" varchar(20) NOT NULL, "durationMinutes" integer NOT NULL, "bankVersion" varchar(64) NOT NULL, "duties" json NOT NULL, "coveragePercent" double NOT NULL, "createdById" varchar(36), "publishedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "blindScoring" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_6ae656ee160b228c8177fcdda11" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "assessments"("id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt", "blindScoring") SELECT "id", "postingId", "status", "seed", "lang", "roleFamily", "durationMinutes", "bankVersion", "duties", "coveragePercent", "createdById", "publishedAt", "createdAt", "updatedAt", "blindScoring" FROM "temporary_assessments"`);
        await queryRunner.query(`DROP TABLE "temporary_assessments"`);
        await queryRunner.query(`CREATE INDEX "IDX_6ae656ee160b228c8177fcdda1" ON "assessments" ("postingId") `);
    }

}
