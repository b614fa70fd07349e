-- CreateIndex
CREATE INDEX "User_createdAt_id_idx" ON "User"("createdAt", "id");

-- CreateIndex
CREATE INDEX "User_active_createdAt_id_idx" ON "User"("active", "createdAt", "id");

-- CreateIndex
CREATE INDEX "User_email_id_idx" ON "User"("email", "id");

-- CreateIndex
CREATE INDEX "User_currentSignInAt_id_idx" ON "User"("currentSignInAt", "id");

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User"("name");

