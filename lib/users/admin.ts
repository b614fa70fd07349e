import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_ROLE } from "@/lib/auth/permissions";
import { endSession, endSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/service";
import { notHeld, RuleError, type Actor } from "@/lib/auth/actor";
import { createUser } from "./service";

// The organizers' operations on users, shared by the admin console and the `mfo` command line. Each
// change and its audit event are one transaction, and the rules live here so no caller can skip them:
// the last active user who can manage roles stays, nobody grants a permission they do not hold, and
// nobody acts on a user who holds a permission they lack (the CLI, the server's owner, may).

type Tx = Prisma.TransactionClient;

const MANAGE_ROLES = "roles.manage";

/** Active users holding roles.manage through any role. */
export function countActiveRoleManagers(db: Db): Promise<number> {
  return db.user.count({
    where: { active: true, roles: { some: { role: { permissions: { some: { permission: { name: MANAGE_ROLES } } } } } } },
  });
}

/**
 * Runs a change in a transaction and undoes it if it left nobody able to manage roles. Two such changes
 * at once (two admins demoting each other) must not both count two managers and both go through: the
 * transaction writes first, to the roles.manage permission row, so the second waits for the first to
 * commit and then counts what it left. (On SQLite a transaction that reads, then writes after another
 * connection wrote, fails outright with SQLITE_BUSY_SNAPSHOT; on PostgreSQL the write is a row lock.)
 */
export async function keepingARoleManager<T>(db: PrismaClient, change: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.permission.updateMany({ where: { name: MANAGE_ROLES }, data: { name: MANAGE_ROLES } });
    const before = await countActiveRoleManagers(tx);
    const result = await change(tx);
    if (before > 0 && (await countActiveRoleManagers(tx)) === 0) {
      throw new RuleError(`This would leave no active user who holds ${MANAGE_ROLES}`);
    }
    return result;
  });
}

async function subject(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, active: true } });
  if (!user) throw new RuleError("No such user", "not_found");
  return user;
}

/**
 * The user an actor may act on (grant, revoke, (de)activate, delete, set a password, mail a reset
 * link): one who holds no permission the actor lacks. Otherwise a `users.manage`-only organizer
 * could demote, lock out or delete the admins above them.
 */
export async function subjectWithin(db: Db, actor: Actor, userId: string) {
  const user = await subject(db, userId);
  if (actor.permissions === "all") return user;
  const held = await db.permission.findMany({ where: { roles: { some: { role: { users: { some: { userId: user.id } } } } } }, select: { name: true } });
  const missing = notHeld(actor, held.map((p) => p.name).sort());
  if (missing.length) throw new RuleError(`You cannot change ${user.email}: they hold ${missing.join(", ")}, which you do not`);
  return user;
}

async function roleWithPermissions(db: Db, roleName: string) {
  const role = await db.role.findUnique({
    where: { name: roleName },
    select: { id: true, name: true, permissions: { select: { permission: { select: { name: true } } } } },
  });
  if (!role) throw new RuleError(`No role named "${roleName}"`, "not_found");
  return { id: role.id, name: role.name, permissions: role.permissions.map((p) => p.permission.name) };
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new RuleError(`No user with e-mail ${email}`, "not_found");
  return user.id;
}

/**
 * Grants a role. Open sessions carry no roles (access is read from the database on every request), so
 * none ends. Granting a role one already has changes nothing.
 */
export async function grantRole(db: PrismaClient, actor: Actor, userId: string, roleName: string): Promise<"granted" | "unchanged"> {
  return db.$transaction(async (tx) => {
    const user = await subjectWithin(tx, actor, userId);
    const role = await roleWithPermissions(tx, roleName);
    const missing = notHeld(actor, role.permissions);
    if (missing.length) throw new RuleError(`You cannot grant the role "${role.name}": it grants ${missing.join(", ")}, which you do not hold`);
    const key = { userId_roleId: { userId: user.id, roleId: role.id } };
    if (await tx.userRole.findUnique({ where: key, select: { userId: true } })) return "unchanged";
    await tx.userRole.upsert({ where: key, create: { userId: user.id, roleId: role.id }, update: {} });
    await recordAudit(tx, { action: "role.granted", actor: actor.audit, subject: { id: user.id, label: user.email }, ip: actor.ip, details: { role: role.name } });
    return "granted";
  });
}

/** Revokes a role, effective at the holder's next request. Never leaves nobody able to manage roles. */
export async function revokeRole(db: PrismaClient, actor: Actor, userId: string, roleName: string): Promise<"revoked" | "unchanged"> {
  return keepingARoleManager(db, async (tx) => {
    const user = await subjectWithin(tx, actor, userId);
    const role = await roleWithPermissions(tx, roleName);
    const { count } = await tx.userRole.deleteMany({ where: { userId: user.id, roleId: role.id } });
    if (count === 0) return "unchanged";
    await recordAudit(tx, { action: "role.revoked", actor: actor.audit, subject: { id: user.id, label: user.email }, ip: actor.ip, details: { role: role.name } });
    return "revoked";
  });
}

/** Activates or deactivates; deactivation ends every session of the user. */
export async function setActive(db: PrismaClient, actor: Actor, userId: string, active: boolean): Promise<"changed" | "unchanged"> {
  return keepingARoleManager(db, async (tx) => {
    const user = await subjectWithin(tx, actor, userId);
    if (user.active === active) return "unchanged";
    await tx.user.update({ where: { id: user.id }, data: { active } });
    if (!active) await endSessions(tx, user.id);
    await recordAudit(tx, { action: active ? "user.activated" : "user.deactivated", actor: actor.audit, subject: { id: user.id, label: user.email }, ip: actor.ip });
    return "changed";
  });
}

export async function deleteUser(db: PrismaClient, actor: Actor, userId: string): Promise<void> {
  await keepingARoleManager(db, async (tx) => {
    const user = await subjectWithin(tx, actor, userId);
    await tx.user.delete({ where: { id: user.id } });
    await recordAudit(tx, { action: "user.deleted", actor: actor.audit, subject: { id: user.id, label: user.email }, ip: actor.ip });
  });
}

/** An organizer (or the CLI) sets a new password: the user's open sessions end. */
export async function setPassword(db: PrismaClient, actor: Actor, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await subjectWithin(tx, actor, userId);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endSessions(tx, user.id);
    await recordAudit(tx, { action: "user.password_reset", actor: actor.audit, subject: { id: user.id, label: user.email }, ip: actor.ip, details: { by: "operator" } });
  });
}

/**
 * An organizer ends one session of a user (`sessionId`, which must be that user's: otherwise not_found
 * and nothing changes), or all of them.
 */
export async function endUserSessions(db: PrismaClient, actor: Actor, userId: string, sessionId?: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await subject(tx, userId);
    let ended: number;
    if (sessionId) {
      if (!(await endSession(tx, user.id, sessionId))) throw new RuleError("No such session: it may have ended already.", "not_found");
      ended = 1;
    } else {
      ended = await endSessions(tx, user.id);
    }
    await recordAudit(tx, {
      action: sessionId ? "session.ended" : "user.sessions_ended",
      actor: actor.audit,
      subject: { id: user.id, label: user.email },
      ip: actor.ip,
      details: sessionId ? { session: sessionId } : { sessions: ended },
    });
    return ended;
  });
}

/** Creates a user with the given roles (participant when none), checked like any grant. */
export async function createUserAsActor(
  db: PrismaClient,
  actor: Actor,
  input: { email: string; password: string; roles?: readonly string[] },
): Promise<{ id: string; email: string }> {
  const roles = [...new Set(input.roles?.length ? input.roles : [DEFAULT_ROLE])];
  for (const name of roles) {
    const role = await roleWithPermissions(db, name);
    const missing = notHeld(actor, role.permissions);
    if (missing.length) throw new RuleError(`You cannot grant the role "${name}": it grants ${missing.join(", ")}, which you do not hold`);
  }
  const user = await createUser(db, { email: input.email, password: input.password, roles });
  await recordAudit(db, { action: "user.created", actor: actor.audit, subject: { id: user.id, label: user.email }, ip: actor.ip, details: { roles } });
  return user;
}

// ---- Reading: the console's list, details and dashboard ----

export const ADMIN_PAGE_SIZE = 50;
export const USER_SORTS = ["created", "email", "last-sign-in"] as const;
export type UserSort = (typeof USER_SORTS)[number];

export interface UserQuery {
  q?: string;
  role?: string;
  active?: boolean;
  sort: UserSort;
  page: number;
}

// Raw SQL here on purpose: Prisma's count() wraps the query in a subquery that materialises every id
// (30 ms for 100 000 users, 70 ms with a filter, measured), where SQLite's own count(*) walks an index.
const ORDER_SQL: Record<UserSort, Prisma.Sql> = {
  created: Prisma.sql`ORDER BY createdAt DESC, id DESC`,
  email: Prisma.sql`ORDER BY email ASC, id ASC`,
  "last-sign-in": Prisma.sql`ORDER BY currentSignInAt DESC, id DESC`,
};

/** The WHERE clause of a user search; see README "The console" for why search is a prefix match. */
export function userFilterSql(query: Omit<UserQuery, "sort" | "page">): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const q = query.q?.trim();
  if (q) {
    // Prefix ranges, so SQLite walks the e-mail and name indexes instead of reading every row.
    const lower = q.toLowerCase();
    parts.push(Prisma.sql`((email >= ${lower} AND email < ${`${lower}\uffff`}) OR (name >= ${q} AND name < ${`${q}\uffff`}))`);
  }
  if (query.role) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM UserRole ur JOIN Role r ON r.id = ur.roleId WHERE ur.userId = User.id AND r.name = ${query.role})`);
  }
  if (query.active !== undefined) parts.push(Prisma.sql`active = ${query.active ? 1 : 0}`);
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/**
 * One page of users and the total. The page's ids come first, from an index alone (see the indexes on
 * User), then the 50 rows by id: page 1000 costs an index walk, not 50 000 table reads.
 */
export async function listUsers(db: PrismaClient, query: UserQuery) {
  const where = userFilterSql(query);
  const offset = (query.page - 1) * ADMIN_PAGE_SIZE;
  const [[{ n }], page] = await Promise.all([
    db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM User ${where}`,
    db.$queryRaw<{ id: string }[]>`SELECT id FROM User ${where} ${ORDER_SQL[query.sort]} LIMIT ${ADMIN_PAGE_SIZE} OFFSET ${offset}`,
  ]);
  const total = Number(n);
  // Raw SQL like the two above: Prisma compiles a findMany (its `in` list of 50 ids) anew on every call,
  // which was a tenth of the page's CPU time.
  const rows = page.length
    ? await db.$queryRaw<ListedUserRow[]>`
        SELECT id, email, name, active, createdAt, currentSignInAt FROM User
        WHERE id IN (${Prisma.join(page.map((u) => u.id))})`
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const users = page.flatMap((u) => {
    const r = byId.get(u.id);
    if (!r) return [];
    return [
      {
        id: r.id,
        email: r.email,
        name: r.name,
        active: Boolean(r.active),
        createdAt: new Date(r.createdAt),
        currentSignInAt: r.currentSignInAt === null ? null : new Date(r.currentSignInAt),
      },
    ];
  });
  return { total, users, pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}

/** A row of the user list as SQLite returns it (booleans as 0/1, dates as numbers or text). */
type ListedUserRow = {
  id: string;
  email: string;
  name: string | null;
  active: number | boolean;
  createdAt: Date | string | number;
  currentSignInAt: Date | string | number | null;
};

export async function getUserDetails(db: PrismaClient, userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      createdAt: true,
      signInCount: true,
      currentSignInAt: true,
      currentSignInIp: true,
      lastSignInAt: true,
      lastSignInIp: true,
      roles: { select: { role: { select: { name: true } } }, orderBy: { role: { name: "asc" } } },
    },
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function dashboardStats(db: PrismaClient, now = new Date()) {
  const [[{ users, active }], newThisWeek, signInsLastDay] = await Promise.all([
    // One index walk for both (see listUsers on Prisma's count()).
    db.$queryRaw<{ users: number | bigint; active: number | bigint }[]>`SELECT count(*) AS users, coalesce(sum(active), 0) AS active FROM User`,
    db.user.count({ where: { createdAt: { gte: new Date(now.getTime() - 7 * DAY_MS) } } }),
    db.auditEvent.count({ where: { action: "user.signed_in", createdAt: { gte: new Date(now.getTime() - DAY_MS) } } }),
  ]);
  return { users: Number(users), active: Number(active), newThisWeek, signInsLastDay };
}
