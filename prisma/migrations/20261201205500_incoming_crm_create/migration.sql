-- AlterTable
ALTER TABLE "PortalSettings" ADD COLUMN "incomingCrmCreate" BOOLEAN NOT NULL DEFAULT true;
