import { MigrationInterface, QueryRunner } from "typeorm";

export class Attempts1795307189057 implements MigrationInterface {
    name = 'Attempts1795307189057'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`candidates\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(120) NOT NULL, \`email\` varchar(254) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`invitations\` (\`id\` varchar(36) NOT NULL, \`assessmentId\` varchar(36) NOT NULL, \`candidateId\` varchar(36) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, \`revokedAt\` datetime(3) NULL, \`usedAt\` datetime(3) NULL, \`createdById\` varchar(36) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_ddc98f91c59170ffe68dbf30aa\` (\`assessmentId\`), UNIQUE INDEX \`IDX_a6eb6f2543de8a5a4c148b32a1\` (\`tokenHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`attempts\` (\`id\` varchar(36) NOT NULL, \`invitationId\` varchar(36) NOT NULL, \`assessmentId\` varchar(36) NOT NULL, \`candidateId\` varchar(36) NOT NULL, \`status\` varchar(12) NOT NULL, \`startedAt\` datetime(3) NULL, \`deadline\` datetime(3) NULL, \`submittedAt\` datetime(3) NULL, \`submittedBy\` varchar(12) NULL, \`gradedAt\` datetime(3) NULL, \`autoScore\` double NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_3d4c4269c76295608d74e9153c\` (\`invitationId\`), INDEX \`IDX_6777875e9c151b58b51b4539c4\` (\`assessmentId\`), INDEX \`IDX_bc8960a10130aa1691d9edf080\` (\`status\`, \`deadline\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`answers\` (\`id\` varchar(36) NOT NULL, \`attemptId\` varchar(36) NOT NULL, \`questionId\` varchar(120) NOT NULL, \`content\` text NOT NULL, \`language\` varchar(12) NULL, \`version\` int NOT NULL, \`savedAt\` datetime(3) NOT NULL, \`grading\` text NULL, UNIQUE INDEX \`IDX_47a0063a0ec59a5cc83ded0be7\` (\`attemptId\`, \`questionId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`integrity_events\` (\`id\` varchar(36) NOT NULL, \`attemptId\` varchar(36) NOT NULL, \`type\` varchar(12) NOT NULL, \`questionId\` varchar(120) NULL, \`detail\` varchar(200) NOT NULL, \`occurredAt\` datetime(3) NOT NULL, INDEX \`IDX_7144a9d6518be1ce6d66893a6f\` (\`attemptId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`invitations\` ADD CONSTRAINT \`FK_ddc98f91c59170ffe68dbf30aa8\` FOREIGN KEY (\`assessmentId\`) REFERENCES \`assessments\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`invitations\` ADD CONSTRAINT \`FK_9a7726fb24d1c93f041aee1fe52\` FOREIGN KEY (\`candidateId\`) REFERENCES \`candidates\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`attempts\` ADD CONSTRAINT \`FK_3d4c4269c76295608d74e9153c5\` FOREIGN KEY (\`invitationId\`) REFERENCES \`invitations\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`attempts\` ADD CONSTRAINT \`FK_6777875e9c151b58b51b4539c40\` FOREIGN KEY (\`assessmentId\`) REFERENCES \`assessments\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`attempts\` ADD CONSTRAINT \`FK_24819090507121ce750ff06295f\` FOREIGN KEY (\`candidateId\`) REFERENCES \`candidates\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`answers\` ADD CONSTRAINT \`FK_0becc7e6bc7085c84cf2e289ca0\` FOREIGN KEY (\`attemptId\`) REFERENCES \`attempts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`integrity_events\` ADD CONSTRAINT \`FK_7144a9d6518be1ce6d66893a6fd\` FOREIGN KEY (\`attemptId\`) REFERENCES \`attempts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`integrity_events\` DROP FOREIGN KEY \`FK_7144a9d6518be1ce6d66893a6fd\``);
        await queryRunner.query(`ALTER TABLE \`answers\` DROP FOREIGN KEY \`FK_0becc7e6bc7085c84cf2e289ca0\``);
        await queryRunner.query(`ALTER TABLE \`attempts\` DROP FOREIGN KEY \`FK_24819090507121ce750ff06295f\``);
        await queryRunner.query(`ALTER TABLE \`attempts\` DROP FOREIGN KEY \`FK_6777875e9c151b58b51b4539c40\``);
        await queryRunner.query(`ALTER TABLE \`attempts\` DROP FOREIGN KEY \`FK_3d4c4269c76295608d74e9153c5\``);
        await queryRunner.query(`ALTER TABLE \`invitations\` DROP FOREIGN KEY \`FK_9a7726fb24d1c93f041aee1fe52\``);
        await queryRunner.query(`ALTER TABLE \`invitations\` DROP FOREIGN KEY \`FK_ddc98f91c59170ffe68dbf30aa8\``);
        await queryRunner.query(`DROP INDEX \`IDX_7144a9d6518be1ce6d66893a6f\` ON \`integrity_events\``);
        await queryRunner.query(`DROP TABLE \`integrity_events\``);
        await queryRunner.query(`DROP INDEX \`IDX_47a0063a0ec59a5cc83ded0be7\` ON \`answers\``);
        await queryRunner.query(`DROP TABLE \`answers\``);
        await queryRunner.query(`DROP INDEX \`IDX_bc8960a10130aa1691d9edf080\` ON \`attempts\``);
        await queryRunner.query(`DROP INDEX \`IDX_6777875e9c151b58b51b4539c4\` ON \`attempts\``);
        await queryRunner.query(`DROP INDEX \`IDX_3d4c4269c76295608d74e9153c\` ON \`attempts\``);
        await queryRunner.query(`DROP TABLE \`attempts\``);
        await queryRunner.query(`DROP INDEX \`IDX_a6eb6f2543de8a5a4c148b32a1\` ON \`invitations\``);
        await queryRunner.query(`DROP INDEX \`IDX_ddc98f91c59170ffe68dbf30aa\` ON \`invitations\``);
        await queryRunner.query(`DROP TABLE \`invitations\``);
        await queryRunner.query(`DROP TABLE \`candidates\``);
    }

}
