-- CreateTable
CREATE TABLE "Season" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,
    "entriesOpenAt" DATETIME NOT NULL,
    "entriesCloseAt" DATETIME NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "ageCutoffOn" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Discipline" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Level" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "PerformanceType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "minPerformers" INTEGER NOT NULL DEFAULT 1,
    "maxPerformers" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "FestivalClass" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seasonId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "suffix" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "disciplineId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "performanceTypeId" TEXT NOT NULL,
    "feeCents" INTEGER NOT NULL,
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "maxPerformanceSeconds" INTEGER,
    "adjudicationSeconds" INTEGER NOT NULL DEFAULT 0,
    "moveSeconds" INTEGER NOT NULL DEFAULT 0,
    "testPieces" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FestivalClass_seasonId_fkey" FOREIGN KEY ("seasonId") REFERENCES "Season" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FestivalClass_disciplineId_fkey" FOREIGN KEY ("disciplineId") REFERENCES "Discipline" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FestivalClass_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "Level" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FestivalClass_performanceTypeId_fkey" FOREIGN KEY ("performanceTypeId") REFERENCES "PerformanceType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "School" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Profile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL DEFAULT 'person',
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "birthDate" DATETIME,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "contactName" TEXT,
    "membersCount" INTEGER,
    "schoolId" TEXT,
    "teacherId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Profile_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Profile_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Profile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProfileManager" (
    "userId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "profileId"),
    CONSTRAINT "ProfileManager_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProfileManager_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "Profile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Piece" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "composer" TEXT NOT NULL DEFAULT '',
    "titleKey" TEXT NOT NULL,
    "composerKey" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Entry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seasonId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "feeCents" INTEGER,
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "accompanistId" TEXT,
    "teacherId" TEXT,
    "accountId" TEXT,
    "submitterName" TEXT,
    "submitterEmail" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "orderInClass" INTEGER,
    "sourceKey" TEXT,
    "submittedAt" DATETIME,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Entry_seasonId_fkey" FOREIGN KEY ("seasonId") REFERENCES "Season" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Entry_classId_fkey" FOREIGN KEY ("classId") REFERENCES "FestivalClass" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Entry_accompanistId_fkey" FOREIGN KEY ("accompanistId") REFERENCES "Profile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Entry_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Profile" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Entry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EntryPerformer" (
    "entryId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("entryId", "profileId"),
    CONSTRAINT "EntryPerformer_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryPerformer_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "Profile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EntryPiece" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "pieceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "durationSeconds" INTEGER NOT NULL,
    CONSTRAINT "EntryPiece_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryPiece_pieceId_fkey" FOREIGN KEY ("pieceId") REFERENCES "Piece" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Season_name_key" ON "Season"("name");

-- CreateIndex
CREATE INDEX "Season_isCurrent_idx" ON "Season"("isCurrent");

-- CreateIndex
CREATE UNIQUE INDEX "Discipline_name_key" ON "Discipline"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Level_name_key" ON "Level"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PerformanceType_name_key" ON "PerformanceType"("name");

-- CreateIndex
CREATE INDEX "FestivalClass_seasonId_disciplineId_levelId_number_idx" ON "FestivalClass"("seasonId", "disciplineId", "levelId", "number");

-- CreateIndex
CREATE INDEX "FestivalClass_seasonId_levelId_number_idx" ON "FestivalClass"("seasonId", "levelId", "number");

-- CreateIndex
CREATE INDEX "FestivalClass_seasonId_performanceTypeId_number_idx" ON "FestivalClass"("seasonId", "performanceTypeId", "number");

-- CreateIndex
CREATE INDEX "FestivalClass_disciplineId_idx" ON "FestivalClass"("disciplineId");

-- CreateIndex
CREATE INDEX "FestivalClass_levelId_idx" ON "FestivalClass"("levelId");

-- CreateIndex
CREATE INDEX "FestivalClass_performanceTypeId_idx" ON "FestivalClass"("performanceTypeId");

-- CreateIndex
CREATE UNIQUE INDEX "FestivalClass_seasonId_number_suffix_key" ON "FestivalClass"("seasonId", "number", "suffix");

-- CreateIndex
CREATE UNIQUE INDEX "School_nameKey_key" ON "School"("nameKey");

-- CreateIndex
CREATE INDEX "Profile_nameKey_idx" ON "Profile"("nameKey");

-- CreateIndex
CREATE INDEX "Profile_schoolId_idx" ON "Profile"("schoolId");

-- CreateIndex
CREATE INDEX "Profile_teacherId_idx" ON "Profile"("teacherId");

-- CreateIndex
CREATE INDEX "ProfileManager_profileId_idx" ON "ProfileManager"("profileId");

-- CreateIndex
CREATE UNIQUE INDEX "Piece_titleKey_composerKey_key" ON "Piece"("titleKey", "composerKey");

-- CreateIndex
CREATE INDEX "Entry_seasonId_classId_status_idx" ON "Entry"("seasonId", "classId", "status");

-- CreateIndex
CREATE INDEX "Entry_seasonId_status_createdAt_idx" ON "Entry"("seasonId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Entry_classId_idx" ON "Entry"("classId");

-- CreateIndex
CREATE INDEX "Entry_accountId_seasonId_idx" ON "Entry"("accountId", "seasonId");

-- CreateIndex
CREATE INDEX "Entry_teacherId_seasonId_idx" ON "Entry"("teacherId", "seasonId");

-- CreateIndex
CREATE INDEX "Entry_accompanistId_idx" ON "Entry"("accompanistId");

-- CreateIndex
CREATE UNIQUE INDEX "Entry_seasonId_sourceKey_key" ON "Entry"("seasonId", "sourceKey");

-- CreateIndex
CREATE INDEX "EntryPerformer_profileId_idx" ON "EntryPerformer"("profileId");

-- CreateIndex
CREATE INDEX "EntryPiece_entryId_position_idx" ON "EntryPiece"("entryId", "position");

-- CreateIndex
CREATE INDEX "EntryPiece_pieceId_idx" ON "EntryPiece"("pieceId");
