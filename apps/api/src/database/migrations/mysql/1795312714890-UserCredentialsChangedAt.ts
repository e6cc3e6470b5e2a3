import { MigrationInterface, QueryRunner } from "typeorm";

export class UserCredentialsChangedAt1795312714890 implements MigrationInterface {
    name = 'UserCredentialsChangedAt1795312714890'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`users\` ADD \`credentialsChangedAt\` datetime(3) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`credentialsChangedAt\``);
    }

}
