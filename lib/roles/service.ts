import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BUILT_IN_ROLES, PERMISSIONS } from "@/lib/auth/permissions";

/**
 * Makes sure every known permission and built-in role exists and that the built-in roles grant at
 * least their listed permissions. Idempotent: runs on every start.
 */
export async function ensureBuiltInRoles(db: PrismaClient): Promise<void> {
  for (const [name, description] of Object.entries(PERMISSIONS)) {
    await db.permission.upsert({ where: { name }, create: { name, description }, update: { description } });
  }
  for (const role of BUILT_IN_ROLES) {
    await db.role.upsert({
      where: { name: role.name },
      create: { name: role.name, description: role.description },
      update: {},
    });
    const saved = await db.role.findUniqueOrThrow({ where: { name: role.name }, select: { id: true } });
    for (const permission of role.permissions) {
      const p = await db.permission.findUniqueOrThrow({ where: { name: permission }, select: { id: true } });
      await db.rolePermission.upsert({
        where: { roleId_permissionId: { roleId: saved.id, permissionId: p.id } },
        create: { roleId: saved.id, permissionId: p.id },
        update: {},
      });
    }
  }
}
