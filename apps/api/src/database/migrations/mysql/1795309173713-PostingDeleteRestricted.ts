import { MigrationInterface, QueryRunner } from "typeorm";

export class PostingDeleteRestricted1795309173713 implements MigrationInterface {
    name = 'PostingDeleteRestricted1795309173713'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`assessments\` DROP FOREIGN KEY \`FK_6ae656ee160b228c8177fcdda11\``);
        await queryRunner.query(`ALTER TABLE \`assessments\` ADD CONSTRAINT \`FK_6ae656ee160b228c8177fcdda11\` FOREIGN KEY (\`postingId\`) REFERENCES \`postings\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`assessments\` DROP FOREIGN KEY \`FK_6ae656ee160b228c8177fcdda11\``);
        await queryRunner.query(`ALTER TABLE \`assessments\` ADD CONSTRAINT \`FK_6ae656ee160b228c8177fcdda11\` FOREIGN KEY (\`postingId\`) REFERENCES \`postings\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

}
