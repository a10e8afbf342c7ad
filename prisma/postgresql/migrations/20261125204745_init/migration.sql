-- CreateTable
CREATE TABLE "Portal" (
    "id" SERIAL NOT NULL,
    "memberId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "clientEndpoint" TEXT NOT NULL,
    "serverEndpoint" TEXT NOT NULL DEFAULT '',
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "applicationToken" TEXT NOT NULL DEFAULT '',
    "scope" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'active',
    "lang" TEXT NOT NULL DEFAULT 'ru',
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Portal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "b24UserId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "extension" TEXT,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserDepartment" (
    "userId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,

    CONSTRAINT "UserDepartment_pkey" PRIMARY KEY ("userId","departmentId")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "b24DepartmentId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "parentB24Id" INTEGER,
    "profileId" INTEGER,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentProfile" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "defaultTrunkId" INTEGER,

    CONSTRAINT "DepartmentProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProfileTrunk" (
    "profileId" INTEGER NOT NULL,
    "trunkId" INTEGER NOT NULL,

    CONSTRAINT "ProfileTrunk_pkey" PRIMARY KEY ("profileId","trunkId")
);

-- CreateTable
CREATE TABLE "Trunk" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "lineNumber" TEXT NOT NULL,
    "dialTarget" TEXT NOT NULL,
    "pbxName" TEXT NOT NULL DEFAULT 'main',
    "carrierGroupId" INTEGER,
    "channels" INTEGER NOT NULL DEFAULT 1,
    "callsPerDay" INTEGER,
    "minutesPerDay" INTEGER,
    "minutesPerMonth" INTEGER,
    "minGapSeconds" INTEGER,
    "tariffOnNetKopecks" INTEGER NOT NULL DEFAULT 0,
    "tariffOffNetKopecks" INTEGER NOT NULL DEFAULT 0,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "hrNumber" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Trunk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarrierGroup" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CarrierGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarrierGroupInn" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "groupId" INTEGER NOT NULL,
    "inn" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CarrierGroupInn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalSettings" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "defaultTrunkId" INTEGER,
    "recordingEnabled" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT NOT NULL DEFAULT 'RUB',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortalSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistryVersion" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "errors" JSONB,

    CONSTRAINT "RegistryVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NumberOverride" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "inn" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "NumberOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListEntry" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "list" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "isPattern" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Call" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "linkedId" TEXT NOT NULL,
    "b24CallId" TEXT,
    "direction" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "extension" TEXT,
    "userId" INTEGER,
    "number" TEXT NOT NULL,
    "carrierInn" TEXT,
    "carrierSource" TEXT,
    "trunkId" INTEGER,
    "trunkName" TEXT,
    "requestedLine" TEXT,
    "decision" JSONB,
    "status" TEXT NOT NULL DEFAULT 'started',
    "hangupCause" INTEGER,
    "b24StatusCode" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "durationSec" INTEGER,
    "talkSec" INTEGER,
    "costKopecks" INTEGER,
    "baselineCostKopecks" INTEGER,
    "registered" BOOLEAN NOT NULL DEFAULT false,
    "registrationReason" TEXT,
    "recordingPath" TEXT,
    "pbxName" TEXT NOT NULL DEFAULT 'main',

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallEvent" (
    "id" SERIAL NOT NULL,
    "callId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "payload" JSONB,

    CONSTRAINT "CallEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimUsage" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "trunkId" INTEGER NOT NULL,
    "simIndex" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "seconds" INTEGER NOT NULL DEFAULT 0,
    "lastCallAt" TIMESTAMP(3),

    CONSTRAINT "SimUsage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
    "portalId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Portal_memberId_key" ON "Portal"("memberId");

-- CreateIndex
CREATE INDEX "User_portalId_extension_idx" ON "User"("portalId", "extension");

-- CreateIndex
CREATE UNIQUE INDEX "User_portalId_b24UserId_key" ON "User"("portalId", "b24UserId");

-- CreateIndex
CREATE INDEX "UserDepartment_departmentId_idx" ON "UserDepartment"("departmentId");

-- CreateIndex
CREATE INDEX "Department_profileId_idx" ON "Department"("profileId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_portalId_b24DepartmentId_key" ON "Department"("portalId", "b24DepartmentId");

-- CreateIndex
CREATE INDEX "DepartmentProfile_defaultTrunkId_idx" ON "DepartmentProfile"("defaultTrunkId");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentProfile_portalId_name_key" ON "DepartmentProfile"("portalId", "name");

-- CreateIndex
CREATE INDEX "ProfileTrunk_trunkId_idx" ON "ProfileTrunk"("trunkId");

-- CreateIndex
CREATE INDEX "Trunk_carrierGroupId_idx" ON "Trunk"("carrierGroupId");

-- CreateIndex
CREATE UNIQUE INDEX "Trunk_portalId_name_key" ON "Trunk"("portalId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Trunk_portalId_lineNumber_key" ON "Trunk"("portalId", "lineNumber");

-- CreateIndex
CREATE UNIQUE INDEX "CarrierGroup_portalId_name_key" ON "CarrierGroup"("portalId", "name");

-- CreateIndex
CREATE INDEX "CarrierGroupInn_groupId_idx" ON "CarrierGroupInn"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "CarrierGroupInn_portalId_inn_key" ON "CarrierGroupInn"("portalId", "inn");

-- CreateIndex
CREATE UNIQUE INDEX "PortalSettings_portalId_key" ON "PortalSettings"("portalId");

-- CreateIndex
CREATE INDEX "PortalSettings_defaultTrunkId_idx" ON "PortalSettings"("defaultTrunkId");

-- CreateIndex
CREATE INDEX "RegistryVersion_active_idx" ON "RegistryVersion"("active");

-- CreateIndex
CREATE INDEX "RegistryVersion_sha256_idx" ON "RegistryVersion"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "NumberOverride_number_validFrom_key" ON "NumberOverride"("number", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ListEntry_portalId_list_value_key" ON "ListEntry"("portalId", "list", "value");

-- CreateIndex
CREATE UNIQUE INDEX "Call_linkedId_key" ON "Call"("linkedId");

-- CreateIndex
CREATE INDEX "Call_portalId_startedAt_idx" ON "Call"("portalId", "startedAt");

-- CreateIndex
CREATE INDEX "Call_portalId_b24CallId_idx" ON "Call"("portalId", "b24CallId");

-- CreateIndex
CREATE INDEX "Call_userId_startedAt_idx" ON "Call"("userId", "startedAt");

-- CreateIndex
CREATE INDEX "Call_trunkId_startedAt_idx" ON "Call"("trunkId", "startedAt");

-- CreateIndex
CREATE INDEX "Call_status_pbxName_idx" ON "Call"("status", "pbxName");

-- CreateIndex
CREATE INDEX "CallEvent_callId_at_idx" ON "CallEvent"("callId", "at");

-- CreateIndex
CREATE INDEX "SimUsage_portalId_day_idx" ON "SimUsage"("portalId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "SimUsage_trunkId_simIndex_day_key" ON "SimUsage"("trunkId", "simIndex", "day");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_portalId_status_idx" ON "OutboxMessage"("portalId", "status");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserDepartment" ADD CONSTRAINT "UserDepartment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserDepartment" ADD CONSTRAINT "UserDepartment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "DepartmentProfile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentProfile" ADD CONSTRAINT "DepartmentProfile_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentProfile" ADD CONSTRAINT "DepartmentProfile_defaultTrunkId_fkey" FOREIGN KEY ("defaultTrunkId") REFERENCES "Trunk"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileTrunk" ADD CONSTRAINT "ProfileTrunk_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "DepartmentProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileTrunk" ADD CONSTRAINT "ProfileTrunk_trunkId_fkey" FOREIGN KEY ("trunkId") REFERENCES "Trunk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trunk" ADD CONSTRAINT "Trunk_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trunk" ADD CONSTRAINT "Trunk_carrierGroupId_fkey" FOREIGN KEY ("carrierGroupId") REFERENCES "CarrierGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarrierGroup" ADD CONSTRAINT "CarrierGroup_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarrierGroupInn" ADD CONSTRAINT "CarrierGroupInn_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarrierGroupInn" ADD CONSTRAINT "CarrierGroupInn_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "CarrierGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalSettings" ADD CONSTRAINT "PortalSettings_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalSettings" ADD CONSTRAINT "PortalSettings_defaultTrunkId_fkey" FOREIGN KEY ("defaultTrunkId") REFERENCES "Trunk"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListEntry" ADD CONSTRAINT "ListEntry_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_trunkId_fkey" FOREIGN KEY ("trunkId") REFERENCES "Trunk"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallEvent" ADD CONSTRAINT "CallEvent_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimUsage" ADD CONSTRAINT "SimUsage_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimUsage" ADD CONSTRAINT "SimUsage_trunkId_fkey" FOREIGN KEY ("trunkId") REFERENCES "Trunk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
