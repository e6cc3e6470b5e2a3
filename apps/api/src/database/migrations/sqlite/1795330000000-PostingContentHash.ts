import { MigrationInterface, QueryRunner } from "typeorm";

export class PostingContentHash1795330000000 implements MigrationInterface {
    name = 'PostingContentHash1795330000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "postings" ADD COLUMN "contentHash" varchar(64)`);
        await queryRunner.query(`CREATE INDEX "IDX_86c1e2d9ba986c028eb77d929e" ON "postings" ("contentHash") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_86c1e2d9ba986c028eb77d929e"`);
        await queryRunner.query(`ALTER TABLE "postings" DROP COLUMN "contentHash"`);
    }

}
