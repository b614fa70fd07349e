-- CreateTable
CREATE TABLE "ImportUpload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "seasonId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "mapping" TEXT,
    "report" TEXT,
    "importedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ImportMapping" (
    "seasonId" TEXT NOT NULL PRIMARY KEY,
    "columns" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ImportUpload_userId_createdAt_idx" ON "ImportUpload"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportUpload_expiresAt_idx" ON "ImportUpload"("expiresAt");
