-- AlterTable
ALTER TABLE "Call" ADD COLUMN "dialExtension" TEXT;
ALTER TABLE "Call" ADD COLUMN "managerText" TEXT;
ALTER TABLE "Call" ADD COLUMN "managerVoice" TEXT;

-- AlterTable
ALTER TABLE "Trunk" ADD COLUMN "callbackB24UserId" INTEGER;
