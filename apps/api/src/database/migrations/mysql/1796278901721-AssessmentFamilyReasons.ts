import { MigrationInterface, QueryRunner } from "typeorm";

export class AssessmentFamilyReasons1796278901721 implements MigrationInterface {
    name = 'AssessmentFamilyReasons1796278901721'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`assessments\` ADD \`familyReasons\` json NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`assessments\` DROP COLUMN \`familyReasons\``);
    }

}
