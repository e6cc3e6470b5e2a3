import { MigrationInterface, QueryRunner } from "typeorm";

export class SessionGeneration1795308998564 implements MigrationInterface {
    name = 'SessionGeneration1795308998564'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`invitations\` ADD \`sessionGeneration\` int NOT NULL DEFAULT '0'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`invitations\` DROP COLUMN \`sessionGeneration\``);
    }

}
