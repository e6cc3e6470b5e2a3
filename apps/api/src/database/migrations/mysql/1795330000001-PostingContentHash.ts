import { MigrationInterface, QueryRunner } from "typeorm";

export class PostingContentHash1795330000001 implements MigrationInterface {
    name = 'PostingContentHash1795330000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`postings\` ADD \`contentHash\` varchar(64) NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_86c1e2d9ba986c028eb77d929e\` ON \`postings\` (\`contentHash\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_86c1e2d9ba986c028eb77d929e\` ON \`postings\``);
        await queryRunner.query(`ALTER TABLE \`postings\` DROP COLUMN \`contentHash\``);
    }

}
