-- CreateTable
CREATE TABLE "Portal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "clientEndpoint" TEXT NOT NULL,
    "serverEndpoint" TEXT NOT NULL DEFAULT '',
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "applicationToken" TEXT NOT NULL DEFAULT '',
    "scope" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'active',
    "lang" TEXT NOT NULL DEFAULT 'ru',
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portalId" INTEGER NOT NULL,
    "b24UserId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "extension" TEXT,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UserDepartment" (
    "userId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "departmentId"),
    CONSTRAINT "UserDepartment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserDepartment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Department" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portalId" INTEGER NOT NULL,
    "b24DepartmentId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "parentB24Id" INTEGER,
    "profileId" INTEGER,
    CONSTRAINT "Department_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Department_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "DepartmentProfile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DepartmentProfile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portalId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "defaultTrunkId" INTEGER,
    CONSTRAINT "DepartmentProfile_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DepartmentProfile_defaultTrunkId_fkey" FOREIGN KEY ("defaultTrunkId") REFERENCES "Trunk" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProfileTrunk" (
    "profileId" INTEGER NOT NULL,
    "trunkId" INTEGER NOT NULL,

    PRIMARY KEY ("profileId", "trunkId"),
    CONSTRAINT "ProfileTrunk_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "DepartmentProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProfileTrunk_trunkId_fkey" FOREIGN KEY ("trunkId") REFERENCES "Trunk" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Trunk" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Trunk_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Trunk_carrierGroupId_fkey" FOREIGN KEY ("carrierGroupId") REFERENCES "CarrierGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CarrierGroup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portalId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "CarrierGroup_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CarrierGroupInn" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portalId" INTEGER NOT NULL,
    "groupId" INTEGER NOT NULL,
    "inn" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "CarrierGroupInn_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CarrierGroupInn_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "CarrierGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PortalSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portalId" INTEGER NOT NULL,
    "defaultTrunkId" INTEGER,
    "recordingEnabled" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT NOT NULL DEFAULT 'RUB',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PortalSettings_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PortalSettings_defaultTrunkId_fkey" FOREIGN KEY ("defaultTrunkId") REFERENCES "Trunk" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegistryVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "loadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "errors" JSONB
);

-- CreateTable
CREATE TABLE "NumberOverride" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "inn" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "validFrom" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "ListEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portalId" INTEGER NOT NULL,
    "list" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "isPattern" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ListEntry_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Call" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    "endedAt" DATETIME,
    "durationSec" INTEGER,
    "talkSec" INTEGER,
    "costKopecks" INTEGER,
    "baselineCostKopecks" INTEGER,
    "registered" BOOLEAN NOT NULL DEFAULT false,
    "registrationReason" TEXT,
    "recordingPath" TEXT,
    "pbxName" TEXT NOT NULL DEFAULT 'main',
    CONSTRAINT "Call_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Call_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Call_trunkId_fkey" FOREIGN KEY ("trunkId") REFERENCES "Trunk" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "callId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "payload" JSONB,
    CONSTRAINT "CallEvent_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SimUsage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portalId" INTEGER NOT NULL,
    "trunkId" INTEGER NOT NULL,
    "simIndex" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "seconds" INTEGER NOT NULL DEFAULT 0,
    "lastCallAt" DATETIME,
    CONSTRAINT "SimUsage_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SimUsage_trunkId_fkey" FOREIGN KEY ("trunkId") REFERENCES "Trunk" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portalId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "result" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" DATETIME,
    CONSTRAINT "OutboxMessage_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
