-- DropIndex
DROP INDEX "NumberOverride_number_validFrom_key";

-- DropIndex
DROP INDEX "RegistryVersion_active_idx";

-- DropIndex
DROP INDEX "RegistryVersion_sha256_idx";

-- AlterTable
ALTER TABLE "NumberOverride" DROP COLUMN "validFrom",
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "expiresAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RegistryVersion" DROP COLUMN "active",
DROP COLUMN "errors",
DROP COLUMN "loadedAt",
ADD COLUMN     "activatedAt" TIMESTAMP(3),
ADD COLUMN     "bytes" INTEGER NOT NULL,
ADD COLUMN     "content" BYTEA,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "diff" JSONB,
ADD COLUMN     "encoding" TEXT NOT NULL,
ADD COLUMN     "format" TEXT NOT NULL,
ADD COLUMN     "issues" JSONB,
ADD COLUMN     "kind" TEXT NOT NULL,
ADD COLUMN     "rejectedRows" INTEGER NOT NULL,
ADD COLUMN     "status" TEXT NOT NULL,
ADD COLUMN     "warnings" INTEGER NOT NULL;

-- CreateTable
CREATE TABLE "PortedVersion" (
    "id" SERIAL NOT NULL,
    "format" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "rejectedRows" INTEGER NOT NULL,
    "numbers" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "content" BYTEA,
    "issues" JSONB,
    "diff" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" TIMESTAMP(3),

    CONSTRAINT "PortedVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PortedVersion_status_idx" ON "PortedVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "NumberOverride_number_key" ON "NumberOverride"("number");

-- CreateIndex
CREATE INDEX "RegistryVersion_kind_status_idx" ON "RegistryVersion"("kind", "status");
