import { MigrationInterface, QueryRunner } from "typeorm";

export class Assessments1795306772488 implements MigrationInterface {
    name = 'Assessments1795306772488'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`bank_questions\` (\`id\` varchar(36) NOT NULL, \`questionId\` varchar(120) NOT NULL, \`contentHash\` varchar(64) NOT NULL, \`kind\` varchar(12) NOT NULL, \`content\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_1de5dedec5d196eca3b68b57ad\` (\`questionId\`, \`contentHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`assessments\` (\`id\` varchar(36) NOT NULL, \`postingId\` varchar(36) NOT NULL, \`status\` varchar(12) NOT NULL, \`seed\` int NULL, \`lang\` varchar(2) NOT NULL, \`roleFamily\` varchar(20) NOT NULL, \`durationMinutes\` int NOT NULL, \`bankVersion\` varchar(64) NOT NULL, \`duties\` text NOT NULL, \`coveragePercent\` double NOT NULL, \`createdById\` varchar(36) NULL, \`publishedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_6ae656ee160b228c8177fcdda1\` (\`postingId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`assessment_questions\` (\`id\` varchar(36) NOT NULL, \`assessmentId\` varchar(36) NOT NULL, \`kind\` varchar(12) NOT NULL, \`position\` int NOT NULL, \`questionId\` varchar(120) NOT NULL, \`bankQuestionId\` varchar(36) NOT NULL, UNIQUE INDEX \`IDX_c396f1acd94549ea229c9463aa\` (\`assessmentId\`, \`questionId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`bank_versions\` (\`version\` varchar(64) NOT NULL, \`questionCount\` int NOT NULL, \`questionRows\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`version\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`assessments\` ADD CONSTRAINT \`FK_6ae656ee160b228c8177fcdda11\` FOREIGN KEY (\`postingId\`) REFERENCES \`postings\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`assessment_questions\` ADD CONSTRAINT \`FK_16fb99e3380527ecabd6921d62b\` FOREIGN KEY (\`assessmentId\`) REFERENCES \`assessments\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`assessment_questions\` ADD CONSTRAINT \`FK_9589c5dfeeffcab4d31b9315506\` FOREIGN KEY (\`bankQuestionId\`) REFERENCES \`bank_questions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`assessment_questions\` DROP FOREIGN KEY \`FK_9589c5dfeeffcab4d31b9315506\``);
        await queryRunner.query(`ALTER TABLE \`assessment_questions\` DROP FOREIGN KEY \`FK_16fb99e3380527ecabd6921d62b\``);
        await queryRunner.query(`ALTER TABLE \`assessments\` DROP FOREIGN KEY \`FK_6ae656ee160b228c8177fcdda11\``);
        await queryRunner.query(`DROP TABLE \`bank_versions\``);
        await queryRunner.query(`DROP INDEX \`IDX_c396f1acd94549ea229c9463aa\` ON \`assessment_questions\``);
        await queryRunner.query(`DROP TABLE \`assessment_questions\``);
        await queryRunner.query(`DROP INDEX \`IDX_6ae656ee160b228c8177fcdda1\` ON \`assessments\``);
        await queryRunner.query(`DROP TABLE \`assessments\``);
        await queryRunner.query(`DROP INDEX \`IDX_1de5dedec5d196eca3b68b57ad\` ON \`bank_questions\``);
        await queryRunner.query(`DROP TABLE \`bank_questions\``);
    }

}
