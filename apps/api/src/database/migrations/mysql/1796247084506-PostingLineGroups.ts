import { MigrationInterface, QueryRunner } from "typeorm";

export class PostingLineGroups1796247084506 implements MigrationInterface {
    name = 'PostingLineGroups1796247084506'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`posting_lines\` ADD \`groupLabel\` varchar(200) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`posting_lines\` DROP COLUMN \`groupLabel\``);
    }

}
