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
  /** Read in the same query because /account shows it: one round trip for the whole page's data. */
  signIns: SignInHistory;
}

export interface SignInHistory {
  count: number;
  currentAt: Date | null;
  currentIp: string | null;
  lastAt: Date | null;
  lastIp: string | null;
}

type DbDate = Date | string | number;

type AccessRow = {
  id: string;
  email: string;
  name: string | null;
  active: number | boolean;
  sessionVersion: number | bigint;
  createdAt: DbDate;
  emailVerified: DbDate | null;
  signInCount: number | bigint;
  currentSignInAt: DbDate | null;
  currentSignInIp: string | null;
  lastSignInAt: DbDate | null;
  lastSignInIp: string | null;
  role: string | null;
  permission: string | null;
};

/**
 * One SQL round trip (a nested Prisma select costs five here: user, links, roles, links, permissions,
 * about 7× the time), because every signed-in page render asks this.
 */
export async function loadUserAccess(db: PrismaClient, userId: string): Promise<UserAccess | null> {
  const rows = await db.$queryRaw<AccessRow[]>`
    SELECT u.id, u.email, u.name, u.active, u.emailVerified, u.sessionVersion, u.createdAt,
      u.signInCount, u.currentSignInAt, u.currentSignInIp, u.lastSignInAt, u.lastSignInIp,
      r.name AS role, p.name AS permission
    FROM User u
    LEFT JOIN UserRole ur ON ur.userId = u.id
    LEFT JOIN Role r ON r.id = ur.roleId
    LEFT JOIN RolePermission rp ON rp.roleId = r.id
    LEFT JOIN Permission p ON p.id = rp.permissionId
    WHERE u.id = ${userId}`;
  const first = rows[0];
  if (!first) return null;
  const roles = [...new Set(rows.map((r) => r.role).filter((r): r is string => r !== null))].sort();
  const permissions = [...new Set(rows.map((r) => r.permission).filter((p): p is string => p !== null))].sort();
  return {
    id: first.id,
    email: first.email,
    name: first.name,
    active: Boolean(first.active),
    sessionVersion: Number(first.sessionVersion),
    emailVerified: dateOrNull(first.emailVerified),
    createdAt: new Date(first.createdAt),
    roles,
    permissions,
    signIns: {
      count: Number(first.signInCount),
      currentAt: dateOrNull(first.currentSignInAt),
      currentIp: first.currentSignInIp,
      lastAt: dateOrNull(first.lastSignInAt),
      lastIp: first.lastSignInIp,
    },
  };
}

function dateOrNull(value: DbDate | null): Date | null {
  return value === null ? null : new Date(value);
}
