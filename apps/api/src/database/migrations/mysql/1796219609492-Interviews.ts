import { MigrationInterface, QueryRunner } from "typeorm";

export class Interviews1796219609492 implements MigrationInterface {
    name = 'Interviews1796219609492'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`interview_panel\` (\`interviewId\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`position\` int NOT NULL, PRIMARY KEY (\`interviewId\`, \`userId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`interview_questions\` (\`id\` varchar(36) NOT NULL, \`interviewId\` varchar(36) NOT NULL, \`position\` int NOT NULL, \`kind\` varchar(12) NOT NULL, \`questionId\` varchar(120) NOT NULL, \`bankQuestionId\` varchar(36) NOT NULL, \`revealedAt\` datetime(3) NULL, UNIQUE INDEX \`IDX_fdc48402eaf9c9b94611eecc91\` (\`interviewId\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`interviews\` (\`id\` varchar(36) NOT NULL, \`postingId\` varchar(36) NOT NULL, \`candidateId\` varchar(36) NOT NULL, \`startsAt\` datetime(3) NOT NULL, \`durationMinutes\` int NOT NULL, \`language\` varchar(12) NOT NULL, \`status\` varchar(12) NOT NULL DEFAULT 'scheduled', \`startedAt\` datetime(3) NULL, \`endedAt\` datetime(3) NULL, \`linkHash\` varchar(64) NOT NULL, \`createdById\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_d6218d51ba7e76703fc2885f69\` (\`postingId\`), INDEX \`IDX_b15d2cbb2808004bbc98bed835\` (\`startsAt\`), UNIQUE INDEX \`IDX_ce67915dd53c50176602e597e5\` (\`linkHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`interview_updates\` (\`id\` int NOT NULL AUTO_INCREMENT, \`interviewId\` varchar(36) NOT NULL, \`questionId\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`at\` bigint NOT NULL, \`author\` varchar(36) NOT NULL, \`update\` blob NOT NULL, INDEX \`IDX_14a73e9180a80a49201a8ff347\` (\`interviewId\`, \`questionId\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`interview_snapshots\` (\`interviewId\` varchar(36) NOT NULL, \`questionId\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`state\` json NOT NULL, PRIMARY KEY (\`interviewId\`, \`questionId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`interview_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`interviewId\` varchar(36) NOT NULL, \`at\` bigint NOT NULL, \`kind\` varchar(12) NOT NULL, \`actor\` varchar(36) NOT NULL, \`questionId\` varchar(36) NULL, \`detail\` json NULL, INDEX \`IDX_45f21c47337f8c687de9fabb7d\` (\`interviewId\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`interview_notes\` (\`interviewId\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`body\` text NOT NULL, \`shared\` tinyint NOT NULL DEFAULT 0, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`interviewId\`, \`userId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`interview_panel\` ADD CONSTRAINT \`FK_d5fd4d05f20169a7c6170efaf93\` FOREIGN KEY (\`interviewId\`) REFERENCES \`interviews\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`interview_panel\` ADD CONSTRAINT \`FK_5c2a9493264dd386d94039dbf9c\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`interview_questions\` ADD CONSTRAINT \`FK_511bc17de23229727c1f5183d90\` FOREIGN KEY (\`interviewId\`) REFERENCES \`interviews\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`interview_questions\` ADD CONSTRAINT \`FK_6e9366f260be88caedbf55ed7e8\` FOREIGN KEY (\`bankQuestionId\`) REFERENCES \`bank_questions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`interviews\` ADD CONSTRAINT \`FK_d6218d51ba7e76703fc2885f69d\` FOREIGN KEY (\`postingId\`) REFERENCES \`postings\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`interviews\` ADD CONSTRAINT \`FK_9b47fb5a4e06ccb14d20d2f06fd\` FOREIGN KEY (\`candidateId\`) REFERENCES \`candidates\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`interviews\` DROP FOREIGN KEY \`FK_9b47fb5a4e06ccb14d20d2f06fd\``);
        await queryRunner.query(`ALTER TABLE \`interviews\` DROP FOREIGN KEY \`FK_d6218d51ba7e76703fc2885f69d\``);
        await queryRunner.query(`ALTER TABLE \`interview_questions\` DROP FOREIGN KEY \`FK_6e9366f260be88caedbf55ed7e8\``);
        await queryRunner.query(`ALTER TABLE \`interview_questions\` DROP FOREIGN KEY \`FK_511bc17de23229727c1f5183d90\``);
        await queryRunner.query(`ALTER TABLE \`interview_panel\` DROP FOREIGN KEY \`FK_5c2a9493264dd386d94039dbf9c\``);
        await queryRunner.query(`ALTER TABLE \`interview_panel\` DROP FOREIGN KEY \`FK_d5fd4d05f20169a7c6170efaf93\``);
        await queryRunner.query(`DROP TABLE \`interview_notes\``);
        await queryRunner.query(`DROP INDEX \`IDX_45f21c47337f8c687de9fabb7d\` ON \`interview_events\``);
        await queryRunner.query(`DROP TABLE \`interview_events\``);
        await queryRunner.query(`DROP TABLE \`interview_snapshots\``);
        await queryRunner.query(`DROP INDEX \`IDX_14a73e9180a80a49201a8ff347\` ON \`interview_updates\``);
        await queryRunner.query(`DROP TABLE \`interview_updates\``);
        await queryRunner.query(`DROP INDEX \`IDX_ce67915dd53c50176602e597e5\` ON \`interviews\``);
        await queryRunner.query(`DROP INDEX \`IDX_b15d2cbb2808004bbc98bed835\` ON \`interviews\``);
        await queryRunner.query(`DROP INDEX \`IDX_d6218d51ba7e76703fc2885f69\` ON \`interviews\``);
        await queryRunner.query(`DROP TABLE \`interviews\``);
        await queryRunner.query(`DROP INDEX \`IDX_fdc48402eaf9c9b94611eecc91\` ON \`interview_questions\``);
        await queryRunner.query(`DROP TABLE \`interview_questions\``);
        await queryRunner.query(`DROP TABLE \`interview_panel\``);
    }

}
