import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Who a user is for access decisions: one query, roles and their permissions flattened. */
export interface UserAccess {
  id: string;
  email: string;
  name: string | null;
  active: boolean;
  /** When the e-mail address was confirmed (REQUIRE_EMAIL_CONFIRMATION), or null. */
  emailVerified: Date | null;
  sessionVersion: number;
  createdAt: Date;
  roles: string[];
  permissions: string[];
}

export async function loadUserAccess(db: PrismaClient, userId: string): Promise<UserAccess | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      emailVerified: true,
      sessionVersion: true,
      createdAt: true,
      roles: {
        select: { role: { select: { name: true, permissions: { select: { permission: { select: { name: true } } } } } } },
        orderBy: { role: { name: "asc" } },
      },
    },
  });
  if (!user) return null;
  const roles = user.roles.map((r) => r.role.name);
  const permissions = [...new Set(user.roles.flatMap((r) => r.role.permissions.map((p) => p.permission.name)))].sort();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    active: user.active,
    emailVerified: user.emailVerified,
    sessionVersion: user.sessionVersion,
    createdAt: user.createdAt,
    roles,
    permissions,
  };
}
