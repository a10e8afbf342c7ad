-- AlterTable
ALTER TABLE "PortalSettings" ADD COLUMN     "simFailuresInRow" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "simShortCallSeconds" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "simShortCallsInRow" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Trunk" ADD COLUMN     "simDials" JSONB;

-- CreateTable
CREATE TABLE "SimHealth" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "trunkId" INTEGER NOT NULL,
    "simIndex" INTEGER NOT NULL,
    "failuresInRow" INTEGER NOT NULL DEFAULT 0,
    "shortCallsInRow" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,
    "disabledRun" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SimHealth_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SimHealth_portalId_idx" ON "SimHealth"("portalId");

-- CreateIndex
CREATE UNIQUE INDEX "SimHealth_trunkId_simIndex_key" ON "SimHealth"("trunkId", "simIndex");

-- AddForeignKey
ALTER TABLE "SimHealth" ADD CONSTRAINT "SimHealth_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimHealth" ADD CONSTRAINT "SimHealth_trunkId_fkey" FOREIGN KEY ("trunkId") REFERENCES "Trunk"("id") ON DELETE CASCADE ON UPDATE CASCADE;
