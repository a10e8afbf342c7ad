-- DropIndex
DROP INDEX "NumberOverride_number_key";

-- AlterTable
ALTER TABLE "NumberOverride" ADD COLUMN     "portalId" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "NumberOverride_portalId_number_key" ON "NumberOverride"("portalId", "number");

-- AddForeignKey
ALTER TABLE "NumberOverride" ADD CONSTRAINT "NumberOverride_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Admin overrides were global until now, so every portal routed by them. Each is kept for every portal that still
-- routes (not uninstalled), so no portal's routing changes here. With no such portal they go to the local portal,
-- created as the app creates it. Learned overrides stay global (portalId null).
INSERT INTO "Portal"
  ("memberId", "domain", "clientEndpoint", "accessToken", "refreshToken", "expiresAt", "status", "updatedAt")
SELECT 'local', 'localhost', '', '', '', CURRENT_TIMESTAMP, 'local', CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "NumberOverride" WHERE "source" = 'admin')
  AND NOT EXISTS (SELECT 1 FROM "Portal" WHERE "status" <> 'uninstalled')
ON CONFLICT ("memberId") DO NOTHING;

INSERT INTO "NumberOverride" ("portalId", "number", "inn", "source", "note", "createdAt", "expiresAt")
SELECT "Portal"."id", "NumberOverride"."number", "NumberOverride"."inn", 'admin', "NumberOverride"."note",
       "NumberOverride"."createdAt", NULL
FROM "NumberOverride" JOIN "Portal" ON "Portal"."status" <> 'uninstalled'
WHERE "NumberOverride"."source" = 'admin' AND "NumberOverride"."portalId" IS NULL;

DELETE FROM "NumberOverride" WHERE "source" = 'admin' AND "portalId" IS NULL;
