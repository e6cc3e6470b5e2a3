import { MigrationInterface, QueryRunner } from "typeorm";

export class SessionGeneration1795308997308 implements MigrationInterface {
    name = 'SessionGeneration1795308997308'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_a6eb6f2543de8a5a4c148b32a1"`);
        await queryRunner.query(`DROP INDEX "IDX_ddc98f91c59170ffe68dbf30aa"`);
        await queryRunner.query(`CREATE TABLE "temporary_invitations" ("id" varchar(36) PRIMARY KEY NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime(3) NOT NULL, "revokedAt" datetime(3), "usedAt" datetime(3), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "sessionGeneration" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_9a7726fb24d1c93f041aee1fe52" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_ddc98f91c59170ffe68dbf30aa8" FOREIGN KEY ("assessmentId") REFERENCES "assessments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_invitations"("id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt") SELECT "id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt" FROM "invitations"`);
        await queryRunner.query(`DROP TABLE "invitations"`);
        await queryRunner.query(`ALTER TABLE "temporary_invitations" RENAME TO "invitations"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a6eb6f2543de8a5a4c148b32a1" ON "invitations" ("tokenHash") `);
        await queryRunner.query(`CREATE INDEX "IDX_ddc98f91c59170ffe68dbf30aa" ON "invitations" ("assessmentId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_ddc98f91c59170ffe68dbf30aa"`);
        await queryRunner.query(`DROP INDEX "IDX_a6eb6f2543de8a5a4c148b32a1"`);
        await queryRunner.query(`ALTER TABLE "invitations" RENAME TO "temporary_invitations"`);
        await queryRunner.query(`CREATE TABLE "invitations" ("id" varchar(36) PRIMARY KEY NOT NULL, "assessmentId" varchar(36) NOT NULL, "candidateId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime(3) NOT NULL, "revokedAt" datetime(3), "usedAt" datetime(3), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_9a7726fb24d1c93f041aee1fe52" FOREIGN KEY ("candidateId") REFERENCES "candidates" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_ddc98f91c59170ffe68dbf30aa8" FOREIGN KEY ("assessmentId") REFERENCES "assessments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "invitations"("id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt") SELECT "id", "assessmentId", "candidateId", "tokenHash", "expiresAt", "revokedAt", "usedAt", "createdById", "createdAt" FROM "temporary_invitations"`);
        await queryRunner.query(`DROP TABLE "temporary_invitations"`);
        await queryRunner.query(`CREATE INDEX "IDX_ddc98f91c59170ffe68dbf30aa" ON "invitations" ("assessmentId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a6eb6f2543de8a5a4c148b32a1" ON "invitations" ("tokenHash") `);
    }

}
