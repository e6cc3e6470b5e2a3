import { MigrationInterface, QueryRunner } from "typeorm";

export class AssessmentDutiesJson1795312469813 implements MigrationInterface {
    name = 'AssessmentDutiesJson1795312469813'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Generated as DROP COLUMN + ADD, which would lose every assessment's duties (and fail the
        // JSON check on existing rows); MODIFY converts in place, and the stored text is valid JSON.
        await queryRunner.query(`ALTER TABLE \`assessments\` MODIFY \`duties\` json NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`assessments\` MODIFY \`duties\` text NOT NULL`);
    }

}
