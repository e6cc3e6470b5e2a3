import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795306461958 implements MigrationInterface {
    name = 'Init1795306461958'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`document_imports\` (\`id\` varchar(36) NOT NULL, \`filename\` varchar(255) NOT NULL, \`sha256\` varchar(64) NOT NULL, \`format\` varchar(12) NOT NULL, \`source\` varchar(12) NOT NULL, \`seedKey\` varchar(64) NULL, \`postingCount\` int NOT NULL, \`importedById\` varchar(36) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_15b97ceeb207710f0e8e50ab87\` (\`sha256\`), UNIQUE INDEX \`IDX_8c4ae9c849600196e91addeef5\` (\`seedKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`postings\` (\`id\` varchar(36) NOT NULL, \`title\` varchar(200) NOT NULL, \`department\` varchar(200) NULL, \`location\` varchar(200) NULL, \`headcount\` int NULL, \`sourceIndex\` int NOT NULL DEFAULT '0', \`documentImportId\` varchar(36) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_d079bc0daf2ecf2793f0376dac\` (\`title\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`posting_lines\` (\`id\` varchar(36) NOT NULL, \`postingId\` varchar(36) NOT NULL, \`kind\` varchar(12) NOT NULL, \`position\` int NOT NULL, \`text\` text NOT NULL, UNIQUE INDEX \`IDX_53ff050ebe9edd07068a5fa416\` (\`postingId\`, \`kind\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`users\` (\`id\` varchar(36) NOT NULL, \`email\` varchar(254) NOT NULL, \`name\` varchar(120) NOT NULL, \`role\` varchar(20) NOT NULL, \`passwordHash\` varchar(255) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_97672ac88f789774dd47f7c8be\` (\`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`postings\` ADD CONSTRAINT \`FK_2e918c91baa96dc70f172736224\` FOREIGN KEY (\`documentImportId\`) REFERENCES \`document_imports\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`posting_lines\` ADD CONSTRAINT \`FK_ca49492813563d43763d0037f7b\` FOREIGN KEY (\`postingId\`) REFERENCES \`postings\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`posting_lines\` DROP FOREIGN KEY \`FK_ca49492813563d43763d0037f7b\``);
        await queryRunner.query(`ALTER TABLE \`postings\` DROP FOREIGN KEY \`FK_2e918c91baa96dc70f172736224\``);
        await queryRunner.query(`DROP INDEX \`IDX_97672ac88f789774dd47f7c8be\` ON \`users\``);
        await queryRunner.query(`DROP TABLE \`users\``);
        await queryRunner.query(`DROP INDEX \`IDX_53ff050ebe9edd07068a5fa416\` ON \`posting_lines\``);
        await queryRunner.query(`DROP TABLE \`posting_lines\``);
        await queryRunner.query(`DROP INDEX \`IDX_d079bc0daf2ecf2793f0376dac\` ON \`postings\``);
        await queryRunner.query(`DROP TABLE \`postings\``);
        await queryRunner.query(`DROP INDEX \`IDX_8c4ae9c849600196e91addeef5\` ON \`document_imports\``);
        await queryRunner.query(`DROP INDEX \`IDX_15b97ceeb207710f0e8e50ab87\` ON \`document_imports\``);
        await queryRunner.query(`DROP TABLE \`document_imports\``);
    }

}
