import { MigrationInterface, QueryRunner } from "typeorm";

export class PostingLineGroups1796247078187 implements MigrationInterface {
    name = 'PostingLineGroups1796247078187'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_53ff050ebe9edd07068a5fa416"`);
        await queryRunner.query(`CREATE TABLE "temporary_posting_lines" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "position" integer NOT NULL, "text" text NOT NULL, "groupLabel" varchar(200), CONSTRAINT "FK_ca49492813563d43763d0037f7b" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_posting_lines"("id", "postingId", "kind", "position", "text") SELECT "id", "postingId", "kind", "position", "text" FROM "posting_lines"`);
        await queryRunner.query(`DROP TABLE "posting_lines"`);
        await queryRunner.query(`ALTER TABLE "temporary_posting_lines" RENAME TO "posting_lines"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_53ff050ebe9edd07068a5fa416" ON "posting_lines" ("postingId", "kind", "position") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_53ff050ebe9edd07068a5fa416"`);
        await queryRunner.query(`ALTER TABLE "posting_lines" RENAME TO "temporary_posting_lines"`);
        await queryRunner.query(`CREATE TABLE "posting_lines" ("id" varchar(36) PRIMARY KEY NOT NULL, "postingId" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "position" integer NOT NULL, "text" text NOT NULL, CONSTRAINT "FK_ca49492813563d43763d0037f7b" FOREIGN KEY ("postingId") REFERENCES "postings" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "posting_lines"("id", "postingId", "kind", "position", "text") SELECT "id", "postingId", "kind", "position", "text" FROM "temporary_posting_lines"`);
        await queryRunner.query(`DROP TABLE "temporary_posting_lines"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_53ff050ebe9edd07068a5fa416" ON "posting_lines" ("postingId", "kind", "position") `);
    }

}
