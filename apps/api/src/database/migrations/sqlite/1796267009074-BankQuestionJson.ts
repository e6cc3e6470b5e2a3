import { MigrationInterface, QueryRunner } from "typeorm";

export class BankQuestionJson1796267009074 implements MigrationInterface {
    name = 'BankQuestionJson1796267009074'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_1de5dedec5d196eca3b68b57ad"`);
        await queryRunner.query(`CREATE TABLE "temporary_bank_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "questionId" varchar(120) NOT NULL, "contentHash" varchar(64) NOT NULL, "kind" varchar(12) NOT NULL, "content" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "temporary_bank_questions"("id", "questionId", "contentHash", "kind", "content", "createdAt") SELECT "id", "questionId", "contentHash", "kind", "content", "createdAt" FROM "bank_questions"`);
        await queryRunner.query(`DROP TABLE "bank_questions"`);
        await queryRunner.query(`ALTER TABLE "temporary_bank_questions" RENAME TO "bank_questions"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1de5dedec5d196eca3b68b57ad" ON "bank_questions" ("questionId", "contentHash") `);
        await queryRunner.query(`DROP INDEX "IDX_1de5dedec5d196eca3b68b57ad"`);
        await queryRunner.query(`CREATE TABLE "temporary_bank_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "questionId" varchar(120) NOT NULL, "contentHash" varchar(64) NOT NULL, "kind" varchar(12) NOT NULL, "content" json NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "temporary_bank_questions"("id", "questionId", "contentHash", "kind", "content", "createdAt") SELECT "id", "questionId", "contentHash", "kind", "content", "createdAt" FROM "bank_questions"`);
        await queryRunner.query(`DROP TABLE "bank_questions"`);
        await queryRunner.query(`ALTER TABLE "temporary_bank_questions" RENAME TO "bank_questions"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1de5dedec5d196eca3b68b57ad" ON "bank_questions" ("questionId", "contentHash") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_1de5dedec5d196eca3b68b57ad"`);
        await queryRunner.query(`ALTER TABLE "bank_questions" RENAME TO "temporary_bank_questions"`);
        await queryRunner.query(`CREATE TABLE "bank_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "questionId" varchar(120) NOT NULL, "contentHash" varchar(64) NOT NULL, "kind" varchar(12) NOT NULL, "content" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "bank_questions"("id", "questionId", "contentHash", "kind", "content", "createdAt") SELECT "id", "questionId", "contentHash", "kind", "content", "createdAt" FROM "temporary_bank_questions"`);
        await queryRunner.query(`DROP TABLE "temporary_bank_questions"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1de5dedec5d196eca3b68b57ad" ON "bank_questions" ("questionId", "contentHash") `);
        await queryRunner.query(`DROP INDEX "IDX_1de5dedec5d196eca3b68b57ad"`);
        await queryRunner.query(`ALTER TABLE "bank_questions" RENAME TO "temporary_bank_questions"`);
        await queryRunner.query(`CREATE TABLE "bank_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "questionId" varchar(120) NOT NULL, "contentHash" varchar(64) NOT NULL, "kind" varchar(12) NOT NULL, "content" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "bank_questions"("id", "questionId", "contentHash", "kind", "content", "createdAt") SELECT "id", "questionId", "contentHash", "kind", "content", "createdAt" FROM "temporary_bank_questions"`);
        await queryRunner.query(`DROP TABLE "temporary_bank_questions"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1de5dedec5d196eca3b68b57ad" ON "bank_questions" ("questionId", "contentHash") `);
    }

}
