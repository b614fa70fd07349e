import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { readerOf } from "@/lib/db/readers";

/** Who a user is for access decisions: one query, roles and their permissions flattened. */
export interface UserAccess {
  id: string;
  email: string;
  name: string | null;
  active: boolean;
  /** When the e-mail address was confirmed (REQUIRE_EMAIL_CONFIRMATION), or null. */
  emailVerified: Date | null;
  createdAt: Date;
  roles: string[];
  permissions: string[];
  /**
   * Whether the user has a second factor (lib/auth/second-factor.ts's hasSecondFactor, read in the same
   * query): the guards send holders of TWO_FACTOR_REQUIRED_PERMISSIONS without one to enrolment.
   */
  secondFactor: boolean;
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

/** The session row a request came with (lib/auth/sessions.ts). */
export interface SessionRecord {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** When the user last proved who they are in this session (lib/auth/freshness.ts). */
  authenticatedAt: Date;
}

type DbDate = Date | string | number;

type AccessRow = {
  id: string;
  email: string;
  name: string | null;
  active: number | boolean;
  createdAt: DbDate;
  emailVerified: DbDate | null;
  signInCount: number | bigint;
  currentSignInAt: DbDate | null;
  currentSignInIp: string | null;
  lastSignInAt: DbDate | null;
  lastSignInIp: string | null;
  secondFactor: number | bigint | boolean;
  role: string | null;
  permission: string | null;
};

type SessionAccessRow = AccessRow & {
  sessionId: string;
  sessionCreatedAt: DbDate;
  sessionLastSeenAt: DbDate;
  sessionExpiresAt: DbDate;
  sessionAuthenticatedAt: DbDate;
};

// One SQL round trip (a nested Prisma select costs five here: user, links, roles, links, permissions,
// about 7× the time), because every signed-in request asks this. Standard SQL (EXISTS, LEFT JOIN).
const ACCESS_COLUMNS = `u.id, u.email, u.name, u.active, u.emailVerified, u.createdAt,
  u.signInCount, u.currentSignInAt, u.currentSignInIp, u.lastSignInAt, u.lastSignInIp,
  EXISTS (SELECT 1 FROM TwoFactor t WHERE t.userId = u.id AND t.confirmedAt IS NOT NULL) AS secondFactor,
  r.name AS role, p.name AS permission`;
const ROLE_JOINS = `LEFT JOIN UserRole ur ON ur.userId = u.id
  LEFT JOIN Role r ON r.id = ur.roleId
  LEFT JOIN RolePermission rp ON rp.roleId = r.id
  LEFT JOIN Permission p ON p.id = rp.permissionId`;
const SESSION_ACCESS = `SELECT s.id AS sessionId, s.createdAt AS sessionCreatedAt, s.lastSeenAt AS sessionLastSeenAt,
    s.expiresAt AS sessionExpiresAt, s.authenticatedAt AS sessionAuthenticatedAt, ${ACCESS_COLUMNS}
  FROM Session s JOIN User u ON u.id = s.userId ${ROLE_JOINS}
  WHERE s.tokenHash = ?`;

export async function loadUserAccess(db: PrismaClient, userId: string): Promise<UserAccess | null> {
  const rows = await db.$queryRaw<AccessRow[]>`SELECT ${Prisma.raw(ACCESS_COLUMNS)} FROM User u ${Prisma.raw(ROLE_JOINS)} WHERE u.id = ${userId}`;
  return rows[0] ? accessFromRows(rows) : null;
}

/**
 * The session whose token hashes to `tokenHash`, with its user's access, in the same one round trip:
 * what every signed-in request needs. Null when there is no such row (never was, signed out, ended).
 */
export async function loadSessionAccess(db: PrismaClient, tokenHash: string): Promise<{ user: UserAccess; session: SessionRecord } | null> {
  const rows = await sessionAccessRows(db, tokenHash);
  const first = rows[0];
  if (!first) return null;
  return {
    user: accessFromRows(rows),
    session: {
      id: first.sessionId,
      createdAt: new Date(first.sessionCreatedAt),
      lastSeenAt: new Date(first.sessionLastSeenAt),
      expiresAt: new Date(first.sessionExpiresAt),
      authenticatedAt: new Date(first.sessionAuthenticatedAt),
    },
  };
}

/**
 * Straight to the database's driver with a statement prepared once (lib/db/readers.ts): Prisma's work on
 * this raw query was about a third of /api/account's. Through Prisma when there is no reader, or when it
 * could not read at once (it never waits for a lock; Prisma's connection waits up to the busy timeout).
 */
async function sessionAccessRows(db: PrismaClient, tokenHash: string): Promise<SessionAccessRow[]> {
  const reader = readerOf(db);
  if (reader) {
    try {
      return await reader.all<SessionAccessRow>(SESSION_ACCESS, [tokenHash]);
    } catch {
      /* below, through Prisma */
    }
  }
  return db.$queryRawUnsafe<SessionAccessRow[]>(SESSION_ACCESS, tokenHash);
}

function accessFromRows(rows: [AccessRow, ...AccessRow[]] | AccessRow[]): UserAccess {
  const first = rows[0];
  const roles = [...new Set(rows.map((r) => r.role).filter((r): r is string => r !== null))].sort();
  const permissions = [...new Set(rows.map((r) => r.permission).filter((p): p is string => p !== null))].sort();
  return {
    id: first.id,
    email: first.email,
    name: first.name,
    active: Boolean(first.active),
    emailVerified: dateOrNull(first.emailVerified),
    createdAt: new Date(first.createdAt),
    roles,
    permissions,
    secondFactor: Boolean(Number(first.secondFactor)),
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
