-- CreateTable
CREATE TABLE "PortedVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "format" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "rejectedRows" INTEGER NOT NULL,
    "numbers" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "content" BLOB,
    "issues" JSONB,
    "diff" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_NumberOverride" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "inn" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME
);
INSERT INTO "new_NumberOverride" ("id", "inn", "note", "number", "source") SELECT "id", "inn", "note", "number", "source" FROM "NumberOverride";
DROP TABLE "NumberOverride";
ALTER TABLE "new_NumberOverride" RENAME TO "NumberOverride";
CREATE UNIQUE INDEX "NumberOverride_number_key" ON "NumberOverride"("number");
CREATE TABLE "new_RegistryVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "encoding" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "rejectedRows" INTEGER NOT NULL,
    "warnings" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "content" BLOB,
    "issues" JSONB,
    "diff" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" DATETIME
);
INSERT INTO "new_RegistryVersion" ("fileName", "id", "rows", "sha256", "source") SELECT "fileName", "id", "rows", "sha256", "source" FROM "RegistryVersion";
DROP TABLE "RegistryVersion";
ALTER TABLE "new_RegistryVersion" RENAME TO "RegistryVersion";
CREATE INDEX "RegistryVersion_kind_status_idx" ON "RegistryVersion"("kind", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PortedVersion_status_idx" ON "PortedVersion"("status");
