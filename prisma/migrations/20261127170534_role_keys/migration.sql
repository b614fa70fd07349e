-- AlterTable
ALTER TABLE "Role" ADD COLUMN "key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Role_key_key" ON "Role"("key");

-- Built-in roles were identified by their names until now (and could not be renamed): give them their
-- stable keys. Roles the organizers made keep a null key. See docs/decisions/roles-and-permissions.md.
UPDATE "Role" SET "key" = "name"
WHERE "name" IN ('admin', 'organizer', 'participant', 'teacher', 'guardian', 'accompanist', 'adjudicator', 'group');

-- Users choose the festival roles for themselves: they grant no permission, ever. Take away any a
-- festival role was given before this rule existed.
DELETE FROM "RolePermission"
WHERE "roleId" IN (SELECT "id" FROM "Role" WHERE "key" IN ('participant', 'teacher', 'guardian', 'accompanist', 'adjudicator', 'group'));
