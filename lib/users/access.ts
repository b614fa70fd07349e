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
}

/**
 * Columns of User a caller reads along with the access check, in the same query (loadSessionAccess's
 * `alsoRead`): /account's data route reads the sign-in history this way, so the page costs one round
 * trip without every other request's access read carrying columns only that page shows.
 */
export type UserColumn = keyof typeof Prisma.UserScalarFieldEnum;
/** Those columns' values as the database returns them (dates: see dateFromDb). */
export type AlsoRead<C extends UserColumn = UserColumn> = Record<C, unknown>;

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
  EXISTS (SELECT 1 FROM TwoFactor t WHERE t.userId = u.id AND t.confirmedAt IS NOT NULL) AS secondFactor,
  r.name AS role, p.name AS permission`;
const ROLE_JOINS = `LEFT JOIN UserRole ur ON ur.userId = u.id
  LEFT JOIN Role r ON r.id = ur.roleId
  LEFT JOIN RolePermission rp ON rp.roleId = r.id
  LEFT JOIN Permission p ON p.id = rp.permissionId`;
const sessionAccessSql = (alsoRead: readonly UserColumn[]) => `SELECT s.id AS sessionId, s.createdAt AS sessionCreatedAt,
    s.lastSeenAt AS sessionLastSeenAt, s.expiresAt AS sessionExpiresAt, s.authenticatedAt AS sessionAuthenticatedAt,
    ${ACCESS_COLUMNS}${alsoRead.map((column) => `, u.${column} AS also_${column}`).join("")}
  FROM Session s JOIN User u ON u.id = s.userId ${ROLE_JOINS}
  WHERE s.tokenHash = ?`;

// One statement text per set of extra columns, made once: the reader prepares each text once.
const sessionAccessStatements = new Map<string, string>();

function sessionAccessStatement(alsoRead: readonly UserColumn[]): string {
  const key = alsoRead.join(",");
  let sql = sessionAccessStatements.get(key);
  if (!sql) {
    // The names go into the SQL text: only User's own columns, as Prisma's schema lists them.
    for (const column of alsoRead) if (!Object.hasOwn(Prisma.UserScalarFieldEnum, column)) throw new Error(`Not a column of User: ${column}`);
    sessionAccessStatements.set(key, (sql = sessionAccessSql(alsoRead)));
  }
  return sql;
}

export async function loadUserAccess(db: PrismaClient, userId: string): Promise<UserAccess | null> {
  const rows = await db.$queryRaw<AccessRow[]>`SELECT ${Prisma.raw(ACCESS_COLUMNS)} FROM User u ${Prisma.raw(ROLE_JOINS)} WHERE u.id = ${userId}`;
  return rows[0] ? accessFromRows(rows) : null;
}

/**
 * The session whose token hashes to `tokenHash`, with its user's access, in the same one round trip:
 * what every signed-in request needs, and the `alsoRead` columns of the user the caller asks for.
 * Null when there is no such row (never was, signed out, ended).
 */
export async function loadSessionAccess<C extends UserColumn = never>(
  db: PrismaClient,
  tokenHash: string,
  alsoRead: readonly C[] = [],
): Promise<{ user: UserAccess; session: SessionRecord; also: AlsoRead<C> } | null> {
  const rows = await sessionAccessRows(db, sessionAccessStatement(alsoRead), tokenHash);
  const first = rows[0];
  if (!first) return null;
  const row = first as Record<string, unknown>;
  return {
    also: Object.fromEntries(alsoRead.map((column) => [column, row[`also_${column}`]])) as AlsoRead<C>,
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
async function sessionAccessRows(db: PrismaClient, sql: string, tokenHash: string): Promise<SessionAccessRow[]> {
  const reader = readerOf(db);
  if (reader) {
    try {
      return await reader.all<SessionAccessRow>(sql, [tokenHash]);
    } catch {
      /* below, through Prisma */
    }
  }
  return db.$queryRawUnsafe<SessionAccessRow[]>(sql, tokenHash);
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
    emailVerified: dateFromDb(first.emailVerified),
    createdAt: new Date(first.createdAt),
    roles,
    permissions,
    secondFactor: Boolean(Number(first.secondFactor)),
  };
}

/** A date column read raw (AlsoRead): SQLite hands back a number or a string, other engines a Date. */
export function dateFromDb(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(value as DbDate);
}
