-- AlterTable
ALTER TABLE "PortalSettings" ADD COLUMN "simFailuresInRow" INTEGER NOT NULL DEFAULT 5;
ALTER TABLE "PortalSettings" ADD COLUMN "simShortCallSeconds" INTEGER NOT NULL DEFAULT 5;
ALTER TABLE "PortalSettings" ADD COLUMN "simShortCallsInRow" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Trunk" ADD COLUMN "simDials" JSONB;

-- CreateTable
CREATE TABLE "SimHealth" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portalId" INTEGER NOT NULL,
    "trunkId" INTEGER NOT NULL,
    "simIndex" INTEGER NOT NULL,
    "failuresInRow" INTEGER NOT NULL DEFAULT 0,
    "shortCallsInRow" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" DATETIME,
    "disabledReason" TEXT,
    "disabledRun" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SimHealth_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SimHealth_trunkId_fkey" FOREIGN KEY ("trunkId") REFERENCES "Trunk" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SimHealth_portalId_idx" ON "SimHealth"("portalId");

-- CreateIndex
CREATE UNIQUE INDEX "SimHealth_trunkId_simIndex_key" ON "SimHealth"("trunkId", "simIndex");
