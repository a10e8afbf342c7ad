-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "dialExtension" TEXT,
ADD COLUMN     "managerText" TEXT,
ADD COLUMN     "managerVoice" TEXT;

-- AlterTable
ALTER TABLE "Trunk" ADD COLUMN     "callbackB24UserId" INTEGER;
