import { MigrationInterface, QueryRunner } from "typeorm";

export class MailOutbox1796289228178 implements MigrationInterface {
    name = 'MailOutbox1796289228178'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`mail_messages\` (\`id\` varchar(36) NOT NULL, \`kind\` varchar(20) NOT NULL, \`lang\` varchar(2) NOT NULL, \`toEmail\` varchar(254) NOT NULL, \`toName\` varchar(120) NOT NULL, \`subject\` varchar(300) NOT NULL, \`input\` json NOT NULL, \`link\` varchar(500) NULL, \`status\` varchar(10) NOT NULL DEFAULT 'queued', \`tries\` int NOT NULL DEFAULT '0', \`lastError\` varchar(500) NULL, \`nextAttemptAt\` datetime(3) NOT NULL, \`lockedUntil\` datetime(3) NULL, \`sentAt\` datetime(3) NULL, \`failedAt\` datetime(3) NULL, \`smtpResponse\` varchar(300) NULL, \`remindsOf\` datetime(3) NULL, \`dedupeKey\` varchar(120) NULL, \`attemptId\` varchar(36) NULL, \`interviewId\` varchar(36) NULL, \`candidateId\` varchar(36) NULL, \`createdById\` varchar(36) NULL, \`queuedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_f8c36e6be25ac99167b2010a10\` (\`dedupeKey\`), INDEX \`IDX_08807c65988b695021a231ab56\` (\`attemptId\`), INDEX \`IDX_a776bca877dd9d1be27557b451\` (\`interviewId\`), INDEX \`IDX_18dc72d68c07a0405802d36063\` (\`candidateId\`), INDEX \`IDX_3c15e2b4cb807d22d832f5949b\` (\`toEmail\`, \`sentAt\`), INDEX \`IDX_e943f011105d33468e4c3d6a90\` (\`status\`, \`nextAttemptAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`assessments\` ADD \`remindBeforeExpiryHours\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`assessments\` ADD \`remindBeforeDeadlineMinutes\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`invitations\` ADD \`lang\` varchar(2) NULL`);
        await queryRunner.query(`ALTER TABLE \`interviews\` ADD \`candidateLang\` varchar(2) NOT NULL DEFAULT 'zh'`);
        await queryRunner.query(`ALTER TABLE \`mail_messages\` ADD CONSTRAINT \`FK_08807c65988b695021a231ab561\` FOREIGN KEY (\`attemptId\`) REFERENCES \`attempts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`mail_messages\` ADD CONSTRAINT \`FK_a776bca877dd9d1be27557b4512\` FOREIGN KEY (\`interviewId\`) REFERENCES \`interviews\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`mail_messages\` DROP FOREIGN KEY \`FK_a776bca877dd9d1be27557b4512\``);
        await queryRunner.query(`ALTER TABLE \`mail_messages\` DROP FOREIGN KEY \`FK_08807c65988b695021a231ab561\``);
        await queryRunner.query(`ALTER TABLE \`interviews\` DROP COLUMN \`candidateLang\``);
        await queryRunner.query(`ALTER TABLE \`invitations\` DROP COLUMN \`lang\``);
        await queryRunner.query(`ALTER TABLE \`assessments\` DROP COLUMN \`remindBeforeDeadlineMinutes\``);
        await queryRunner.query(`ALTER TABLE \`assessments\` DROP COLUMN \`remindBeforeExpiryHours\``);
        await queryRunner.query(`DROP INDEX \`IDX_e943f011105d33468e4c3d6a90\` ON \`mail_messages\``);
        await queryRunner.query(`DROP INDEX \`IDX_3c15e2b4cb807d22d832f5949b\` ON \`mail_messages\``);
        await queryRunner.query(`DROP INDEX \`IDX_18dc72d68c07a0405802d36063\` ON \`mail_messages\``);
        await queryRunner.query(`DROP INDEX \`IDX_a776bca877dd9d1be27557b451\` ON \`mail_messages\``);
        await queryRunner.query(`DROP INDEX \`IDX_08807c65988b695021a231ab56\` ON \`mail_messages\``);
        await queryRunner.query(`DROP INDEX \`IDX_f8c36e6be25ac99167b2010a10\` ON \`mail_messages\``);
        await queryRunner.query(`DROP TABLE \`mail_messages\``);
    }

}
