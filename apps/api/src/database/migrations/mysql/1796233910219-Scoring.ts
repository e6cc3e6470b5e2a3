import { MigrationInterface, QueryRunner } from "typeorm";

export class Scoring1796233910219 implements MigrationInterface {
    name = 'Scoring1796233910219'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`score_sheets\` (\`id\` varchar(36) NOT NULL, \`subjectKind\` varchar(12) NOT NULL, \`subjectId\` varchar(36) NOT NULL, \`postingId\` varchar(36) NOT NULL, \`candidateId\` varchar(36) NOT NULL, \`raterId\` varchar(36) NOT NULL, \`status\` varchar(12) NOT NULL, \`recommendation\` varchar(12) NULL, \`assignedById\` varchar(36) NOT NULL, \`assignedAt\` datetime(3) NOT NULL, \`submittedAt\` datetime(3) NULL, INDEX \`IDX_bc117acdeb7aece7e956862010\` (\`postingId\`, \`candidateId\`), INDEX \`IDX_182ba90bf676453ed46a87d20b\` (\`raterId\`, \`status\`), UNIQUE INDEX \`IDX_4da792bdf097f211d154fd1c8f\` (\`subjectKind\`, \`subjectId\`, \`raterId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`scores\` (\`id\` varchar(36) NOT NULL, \`sheetId\` varchar(36) NOT NULL, \`questionId\` varchar(120) NOT NULL, \`criterionId\` varchar(64) NOT NULL, \`level\` int NULL, \`evidence\` text NOT NULL, \`overrideReason\` text NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`IDX_f8c9b8ad44387ec1f70dda1b77\` (\`sheetId\`, \`questionId\`, \`criterionId\`, \`level\`), UNIQUE INDEX \`IDX_91c7e989e19f2d685105bdd0cc\` (\`sheetId\`, \`questionId\`, \`criterionId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`score_amendments\` (\`id\` varchar(36) NOT NULL, \`sheetId\` varchar(36) NOT NULL, \`questionId\` varchar(120) NULL, \`criterionId\` varchar(64) NULL, \`before\` text NOT NULL, \`after\` text NOT NULL, \`reason\` text NOT NULL, \`amendedById\` varchar(36) NOT NULL, \`amendedAt\` datetime(3) NOT NULL, INDEX \`IDX_7d17425558b12a3c09168e6c71\` (\`sheetId\`, \`amendedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`scorecards\` (\`id\` varchar(36) NOT NULL, \`postingId\` varchar(36) NOT NULL, \`candidateId\` varchar(36) NOT NULL, \`total\` double NULL, \`ratersAssigned\` int NOT NULL, \`ratersSubmitted\` int NOT NULL, \`flagCount\` int NOT NULL, \`flags\` text NOT NULL, \`competencies\` text NOT NULL, \`recommendations\` text NOT NULL, \`sources\` text NOT NULL, \`pendingRaters\` text NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`IDX_4d26a7cefa9713d3fbed92cab4\` (\`postingId\`, \`total\`), UNIQUE INDEX \`IDX_d29c44949e3a00536a3df044c2\` (\`postingId\`, \`candidateId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`audit_log\` (\`id\` varchar(36) NOT NULL, \`at\` datetime(3) NOT NULL, \`actorId\` varchar(36) NULL, \`actorEmail\` varchar(254) NULL, \`actorRole\` varchar(20) NULL, \`ip\` varchar(64) NULL, \`action\` varchar(40) NOT NULL, \`targetType\` varchar(40) NOT NULL, \`targetId\` varchar(120) NOT NULL, \`changes\` text NOT NULL, INDEX \`IDX_5a838a143d15cdbac0f45b32d2\` (\`actorId\`, \`at\`), INDEX \`IDX_a6b8adfa094785bf8ed30f2688\` (\`action\`, \`at\`), INDEX \`IDX_7c0cca6e6369db3a240aa4cf13\` (\`targetType\`, \`targetId\`), INDEX \`IDX_ba27cef5b8b2b1a756e06ebcc5\` (\`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`assessments\` ADD \`blindScoring\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`score_sheets\` ADD CONSTRAINT \`FK_bcb8454735d59cc39340ba00336\` FOREIGN KEY (\`postingId\`) REFERENCES \`postings\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`score_sheets\` ADD CONSTRAINT \`FK_e32e29b333091290627ca35b27c\` FOREIGN KEY (\`candidateId\`) REFERENCES \`candidates\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`score_sheets\` ADD CONSTRAINT \`FK_9a50b5e7245c6f59da3bfed6c40\` FOREIGN KEY (\`raterId\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`scores\` ADD CONSTRAINT \`FK_7165f76cf763a7ede2b24f3364e\` FOREIGN KEY (\`sheetId\`) REFERENCES \`score_sheets\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`score_amendments\` ADD CONSTRAINT \`FK_bc1a523335712d6eaff15597b3c\` FOREIGN KEY (\`sheetId\`) REFERENCES \`score_sheets\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`score_amendments\` DROP FOREIGN KEY \`FK_bc1a523335712d6eaff15597b3c\``);
        await queryRunner.query(`ALTER TABLE \`scores\` DROP FOREIGN KEY \`FK_7165f76cf763a7ede2b24f3364e\``);
        await queryRunner.query(`ALTER TABLE \`score_sheets\` DROP FOREIGN KEY \`FK_9a50b5e7245c6f59da3bfed6c40\``);
        await queryRunner.query(`ALTER TABLE \`score_sheets\` DROP FOREIGN KEY \`FK_e32e29b333091290627ca35b27c\``);
        await queryRunner.query(`ALTER TABLE \`score_sheets\` DROP FOREIGN KEY \`FK_bcb8454735d59cc39340ba00336\``);
        await queryRunner.query(`ALTER TABLE \`assessments\` DROP COLUMN \`blindScoring\``);
        await queryRunner.query(`DROP INDEX \`IDX_ba27cef5b8b2b1a756e06ebcc5\` ON \`audit_log\``);
        await queryRunner.query(`DROP INDEX \`IDX_7c0cca6e6369db3a240aa4cf13\` ON \`audit_log\``);
        await queryRunner.query(`DROP INDEX \`IDX_a6b8adfa094785bf8ed30f2688\` ON \`audit_log\``);
        await queryRunner.query(`DROP INDEX \`IDX_5a838a143d15cdbac0f45b32d2\` ON \`audit_log\``);
        await queryRunner.query(`DROP TABLE \`audit_log\``);
        await queryRunner.query(`DROP INDEX \`IDX_d29c44949e3a00536a3df044c2\` ON \`scorecards\``);
        await queryRunner.query(`DROP INDEX \`IDX_4d26a7cefa9713d3fbed92cab4\` ON \`scorecards\``);
        await queryRunner.query(`DROP TABLE \`scorecards\``);
        await queryRunner.query(`DROP INDEX \`IDX_7d17425558b12a3c09168e6c71\` ON \`score_amendments\``);
        await queryRunner.query(`DROP TABLE \`score_amendments\``);
        await queryRunner.query(`DROP INDEX \`IDX_91c7e989e19f2d685105bdd0cc\` ON \`scores\``);
        await queryRunner.query(`DROP INDEX \`IDX_f8c9b8ad44387ec1f70dda1b77\` ON \`scores\``);
        await queryRunner.query(`DROP TABLE \`scores\``);
        await queryRunner.query(`DROP INDEX \`IDX_4da792bdf097f211d154fd1c8f\` ON \`score_sheets\``);
        await queryRunner.query(`DROP INDEX \`IDX_182ba90bf676453ed46a87d20b\` ON \`score_sheets\``);
        await queryRunner.query(`DROP INDEX \`IDX_bc117acdeb7aece7e956862010\` ON \`score_sheets\``);
        await queryRunner.query(`DROP TABLE \`score_sheets\``);
    }

}
