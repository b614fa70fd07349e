-- CreateTable
CREATE TABLE "Venue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seasonId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Venue_seasonId_fkey" FOREIGN KEY ("seasonId") REFERENCES "Season" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Sitting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seasonId" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "adjudicatorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Sitting_seasonId_fkey" FOREIGN KEY ("seasonId") REFERENCES "Season" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Sitting_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Sitting_adjudicatorId_fkey" FOREIGN KEY ("adjudicatorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SittingClass" (
    "classId" TEXT NOT NULL PRIMARY KEY,
    "sittingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "SittingClass_classId_fkey" FOREIGN KEY ("classId") REFERENCES "FestivalClass" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SittingClass_sittingId_fkey" FOREIGN KEY ("sittingId") REFERENCES "Sitting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduleSettings" (
    "seasonId" TEXT NOT NULL PRIMARY KEY,
    "programmePublishedAt" DATETIME,
    CONSTRAINT "ScheduleSettings_seasonId_fkey" FOREIGN KEY ("seasonId") REFERENCES "Season" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Venue_seasonId_name_key" ON "Venue"("seasonId", "name");

-- CreateIndex
CREATE INDEX "Sitting_seasonId_startsAt_idx" ON "Sitting"("seasonId", "startsAt");

-- CreateIndex
CREATE INDEX "Sitting_venueId_startsAt_idx" ON "Sitting"("venueId", "startsAt");

-- CreateIndex
CREATE INDEX "Sitting_adjudicatorId_idx" ON "Sitting"("adjudicatorId");

-- CreateIndex
CREATE INDEX "SittingClass_sittingId_position_idx" ON "SittingClass"("sittingId", "position");
