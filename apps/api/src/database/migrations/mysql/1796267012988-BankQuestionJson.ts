import { MigrationInterface, QueryRunner } from "typeorm";

export class BankQuestionJson1796267012988 implements MigrationInterface {
    name = 'BankQuestionJson1796267012988'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Generated as DROP COLUMN + ADD, which would lose every stored question version (and with
        // them the questions of every published assessment); MODIFY converts in place, and the
        // stored text is valid JSON.
        await queryRunner.query(`ALTER TABLE \`bank_questions\` MODIFY \`content\` json NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`bank_questions\` MODIFY \`content\` text NOT NULL`);
    }

}
