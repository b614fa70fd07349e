-- Sessions become rows (lib/auth/sessions.ts); User.sessionVersion goes: ending a session deletes its row.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" DATETIME,
    "image" TEXT,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastSignInAt" DATETIME,
    "lastSignInIp" TEXT,
    "currentSignInAt" DATETIME,
    "currentSignInIp" TEXT,
    "signInCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("active", "createdAt", "currentSignInAt", "currentSignInIp", "email", "emailVerified", "id", "image", "lastSignInAt", "lastSignInIp", "name", "passwordHash", "signInCount", "updatedAt") SELECT "active", "createdAt", "currentSignInAt", "currentSignInIp", "email", "emailVerified", "id", "image", "lastSignInAt", "lastSignInIp", "name", "passwordHash", "signInCount", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");
CREATE INDEX "User_createdAt_id_idx" ON "User"("createdAt", "id");
CREATE INDEX "User_active_createdAt_id_idx" ON "User"("active", "createdAt", "id");
CREATE INDEX "User_email_id_idx" ON "User"("email", "id");
CREATE INDEX "User_currentSignInAt_id_idx" ON "User"("currentSignInAt", "id");
CREATE INDEX "User_name_idx" ON "User"("name");
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- The old table was the Auth.js adapter's, never written with JWT sessions: nothing to copy.
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");
CREATE INDEX "Session_userId_lastSeenAt_idx" ON "Session"("userId", "lastSeenAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
