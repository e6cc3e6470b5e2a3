import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795306461033 implements MigrationInterface {
    name = 'Init1795306461033'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "document_imports" ("id" varchar(36) PRIMARY KEY NOT NULL, "filename" varchar(255) NOT NULL, "sha256" varchar(64) NOT NULL, "format" varchar(12) NOT NULL, "source" varchar(12) NOT NULL, "seedKey" varchar(64), "postingCount" integer NOT NULL, "importedById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_8c4ae9c849600196e91addeef5b" UNIQUE ("seedKey"))`);
        await queryRunner.query(`CREATE INDEX "IDX_15b97ceeb207710f0e8e50ab87" ON "document_imports" ("sha256") `);
        await queryRunner.query(`CREATE TABLE "postings" ("id" varchar(36) PRIMARY KEY NOT NULL, "title" varchar(200) NOT NULL, "department" varchar(200), "location" varchar(200), "headcount" integer, "sourceIndex" integer NOT NULL DEFAULT (0), "documentImportId" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_d079bc0daf2ecf2793f0376dac" ON "postings" ("title") `);
        await queryRunner.query(`CREATE TABLE "posting_lines" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "position" integer NOT NULL, "text" text NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_53ff050ebe9edd07068a5fa416" ON "posting_lines" ("postingId", "kind", "position") `);
        await queryRunner.query(`CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "name" varchar(120) NOT NULL, "role" varchar(20) NOT NULL, "passwordHash" varchar(255) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"))`);
        await queryRunner.query(`DROP INDEX "IDX_d079bc0daf2ecf2793f0376dac"`);
        await queryRunner.query(`CREATE TABLE "temporary_postings" ("id" varchar(36) PRIMARY KEY NOT NULL, "title" varchar(200) NOT NULL, "department" varchar(200), "location" varchar(200), "headcount" integer, "sourceIndex" integer NOT NULL DEFAULT (0), "documentImportId" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_2e918c91baa96dc70f172736224" FOREIGN KEY ("documentImportId") REFERENCES "document_imports" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_postings"("id", "title", "department", "location", "headcount", "sourceIndex", "documentImportId", "createdAt", "updatedAt") SELECT "id", "title", "department", "location", "headcount", "sourceIndex", "documentImportId", "createdAt", "updatedAt" FROM "postings"`);
        await queryRunner.query(`DROP TABLE "postings"`);
        await queryRunner.query(`ALTER TABLE "temporary_postings" RENAME TO "postings"`);
        await queryRunner.query(`CREATE INDEX "IDX_d079bc0daf2ecf2793f0376dac" ON "postings" ("title") `);
        await queryRunner.query(`DROP INDEX "IDX_53ff050ebe9edd07068a5fa416"`);
        await queryRunner.query(`CREATE TABLE "temporary_posting_lines" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "position" integer NOT NULL, "text" text NOT NULL, CONSTRAINT "FK_ca49492813563d43763d0037f7b" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_posting_lines"("id", "postingId", "kind", "position", "text") SELECT "id", "postingId", "kind", "position", "text" FROM "posting_lines"`);
        await queryRunner.query(`DROP TABLE "posting_lines"`);
        await queryRunner.query(`ALTER TABLE "temporary_posting_lines" RENAME TO "posting_lines"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_53ff050ebe9edd07068a5fa416" ON "posting_lines" ("postingId", "kind", "position") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_53ff050ebe9edd07068a5fa416"`);
        await queryRunner.query(`ALTER TABLE "posting_lines" RENAME TO "temporary_posting_lines"`);
        await queryRunner.query(`CREATE TABLE "posting_lines" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "position" integer NOT NULL, "text" text NOT NULL)`);
        await queryRunner.query(`INSERT INTO "posting_lines"("id", "postingId", "kind", "position", "text") SELECT "id", "postingId", "kind", "position", "text" FROM "temporary_posting_lines"`);
        await queryRunner.query(`DROP TABLE "temporary_posting_lines"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_53ff050ebe9edd07068a5fa416" ON "posting_lines" ("postingId", "kind", "position") `);
        await queryRunner.query(`DROP INDEX "IDX_d079bc0daf2ecf2793f0376dac"`);
        await queryRunner.query(`ALTER TABLE "postings" RENAME TO "temporary_postings"`);
        await queryRunner.query(`CREATE TABLE "postings" ("id" varchar(36) PRIMARY KEY NOT NULL, "title" varchar(200) NOT NULL, "department" varchar(200), "location" varchar(200), "headcount" integer, "sourceIndex" integer NOT NULL DEFAULT (0), "documentImportId" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "postings"("id", "title", "department", "location", "headcount", "sourceIndex", "documentImportId", "createdAt", "updatedAt") SELECT "id", "title", "department", "location", "headcount", "sourceIndex", "documentImportId", "createdAt", "updatedAt" FROM "temporary_postings"`);
        await queryRunner.query(`DROP TABLE "temporary_postings"`);
        await queryRunner.query(`CREATE INDEX "IDX_d079bc0daf2ecf2793f0376dac" ON "postings" ("title") `);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP INDEX "IDX_53ff050ebe9edd07068a5fa416"`);
        await queryRunner.query(`DROP TABLE "posting_lines"`);
        await queryRunner.query(`DROP INDEX "IDX_d079bc0daf2ecf2793f0376dac"`);
        await queryRunner.query(`DROP TABLE "postings"`);
        await queryRunner.query(`DROP INDEX "IDX_15b97ceeb207710f0e8e50ab87"`);
        await queryRunner.query(`DROP TABLE "document_imports"`);
    }

}
