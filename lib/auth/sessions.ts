import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { env } from "@/lib/env";
import { hashToken, newRawToken } from "@/lib/tokens/token";
import { loadSessionAccess, type AlsoRead, type SessionRecord, type UserAccess, type UserColumn } from "@/lib/users/access";
import { isSessionAlive, isTouchDue, SESSION_TOUCH_MS, sessionExpiry, sessionLimits, type SessionLimits } from "./session-rules";

// Sessions owned by the server: a row per sign-in. The cookie (an Auth.js JWT) carries only the random
// session id; the row holds its SHA-256, who, when, from where, and until when. Deleting the row is
// signing out, wherever the cookie went. See docs/decisions/sessions.md.


/**
 * The acting person of a signed-in request: the user as the database knows them now, their session,
 * and any further columns of theirs the caller asked to read in the same query (`also`).
 */
export type CurrentUser<C extends UserColumn = never> = UserAccess & { session: SessionRecord; also: AlsoRead<C> };

const USER_AGENT_MAX = 512;

/** Stored instead of the id itself, as mailed tokens are: a copy of the database makes no cookie. */
export function sessionTokenHash(sessionId: string): string {
  return hashToken(sessionId);
}

function limits(): SessionLimits {
  return sessionLimits(env());
}

/**
 * Starts a session for a user who has just proved who they are, by whatever method: the jwt callback
 * (auth.ts) calls it at every sign-in. Returns the session id for the token; only its hash is stored.
 */
export async function startSession(
  db: Db,
  userId: string,
  from: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const sessionId = newRawToken();
  await db.session.create({
    data: {
      tokenHash: sessionTokenHash(sessionId),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiry(now, now, limits()),
      ip: from.ip,
      userAgent: from.userAgent?.slice(0, USER_AGENT_MAX) || null,
      authenticatedAt: now,
    },
  });
  // Housekeeping where it costs nothing noticeable: the user's expired rows go at their next sign-in.
  await db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  return sessionId;
}

/**
 * The signed-in user for a session id from a cookie, or null: no such row (signed out, ended,
 * never existed), expired (idle or absolute), or the user is inactive. One query; a second (the
 * last-seen write, which slides the expiry) at most once per SESSION_TOUCH_MS per session.
 */
export async function resolveSession<C extends UserColumn = never>(
  db: PrismaClient,
  sessionId: string,
  now = new Date(),
  alsoRead: readonly C[] = [],
): Promise<CurrentUser<C> | null> {
  const found = await loadSessionAccess(db, sessionTokenHash(sessionId), alsoRead);
  if (!found || !found.user.active || !isSessionAlive(found.session, now, limits())) return null;
  let { session } = found;
  if (isTouchDue(session, now)) session = await touchSession(db, session, now);
  return { ...found.user, session, also: found.also };
}

async function touchSession(db: PrismaClient, session: SessionRecord, now: Date): Promise<SessionRecord> {
  const expiresAt = sessionExpiry(session.createdAt, now, limits());
  // Conditional: of parallel requests, the first writes; for the others the row is fresh and nothing changes.
  const due = new Date(now.getTime() - SESSION_TOUCH_MS);
  await db.session.updateMany({ where: { id: session.id, lastSeenAt: { lte: due } }, data: { lastSeenAt: now, expiresAt } });
  return { ...session, lastSeenAt: now, expiresAt };
}

/**
 * Ends every session of a user (all of them, or all but `except`, a session row id). The one mechanism
 * behind sign out everywhere, password change and reset, and deactivation. Returns how many ended.
 */
export async function endSessions(db: Db, userId: string, options: { except?: string } = {}): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, ...(options.except ? { id: { not: options.except } } : {}) } });
  return count;
}

/** Ends one session of this user; false when the id is not one of theirs (nothing is deleted then). */
export async function endSession(db: Db, userId: string, sessionRowId: string): Promise<boolean> {
  const { count } = await db.session.deleteMany({ where: { id: sessionRowId, userId } });
  return count > 0;
}

/** Sign-out: the session behind this cookie's id ends. Returns whose it was (for the audit), or null. */
export async function endSessionById(db: Db, sessionId: string): Promise<{ id: string; email: string } | null> {
  const tokenHash = sessionTokenHash(sessionId);
  const row = await db.session.findUnique({ where: { tokenHash }, select: { user: { select: { id: true, email: true } } } });
  await db.session.deleteMany({ where: { tokenHash } });
  return row?.user ?? null;
}

export interface SessionListing {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** A user's live sessions, most recently used first ("where you're signed in"). */
export function listSessions(db: Db, userId: string, now = new Date()): Promise<SessionListing[]> {
  return db.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
}
