import { MigrationInterface, QueryRunner } from "typeorm";

export class AttemptExtraTime1795320000001 implements MigrationInterface {
    name = 'AttemptExtraTime1795320000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`attempt_adjustments\` (\`id\` varchar(36) NOT NULL, \`attemptId\` varchar(36) NOT NULL, \`kind\` varchar(12) NOT NULL, \`minutes\` int NULL, \`byUserId\` varchar(36) NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`IDX_44bda6cbdef76e414a24d8a64c\` (\`attemptId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`attempts\` ADD \`extraMinutes\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`attempt_adjustments\` ADD CONSTRAINT \`FK_44bda6cbdef76e414a24d8a64c0\` FOREIGN KEY (\`attemptId\`) REFERENCES \`attempts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`attempt_adjustments\` DROP FOREIGN KEY \`FK_44bda6cbdef76e414a24d8a64c0\``);
        await queryRunner.query(`ALTER TABLE \`attempts\` DROP COLUMN \`extraMinutes\``);
        await queryRunner.query(`DROP INDEX \`IDX_44bda6cbdef76e414a24d8a64c\` ON \`attempt_adjustments\``);
        await queryRunner.query(`DROP TABLE \`attempt_adjustments\``);
    }

}
