-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_NumberOverride" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portalId" INTEGER,
    "number" TEXT NOT NULL,
    "inn" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    CONSTRAINT "NumberOverride_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_NumberOverride" ("createdAt", "expiresAt", "id", "inn", "note", "number", "source") SELECT "createdAt", "expiresAt", "id", "inn", "note", "number", "source" FROM "NumberOverride";
DROP TABLE "NumberOverride";
ALTER TABLE "new_NumberOverride" RENAME TO "NumberOverride";
CREATE UNIQUE INDEX "NumberOverride_portalId_number_key" ON "NumberOverride"("portalId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
