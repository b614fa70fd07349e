-- CreateIndex
CREATE INDEX "User_active_createdAt_idx" ON "User"("active", "createdAt");

-- CreateIndex
CREATE INDEX "User_currentSignInAt_idx" ON "User"("currentSignInAt");

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User"("name");
