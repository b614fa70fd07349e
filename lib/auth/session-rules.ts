// When a session is alive, and when its last-seen time is worth writing. Pure, so the rules are tested
// without a clock or a database (tests/unit/session-checks.test.ts).

/** lastSeenAt is written at most this often per session: a request is not a database write. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SessionLimits {
  /** Signed out after this long without a request (SESSION_IDLE_DAYS). */
  idleMs: number;
  /** Signed out this long after signing in, however much it is used (SESSION_MAX_DAYS). */
  maxMs: number;
}

export function sessionLimits(settings: { SESSION_IDLE_DAYS: number; SESSION_MAX_DAYS: number }): SessionLimits {
  return { idleMs: settings.SESSION_IDLE_DAYS * DAY_MS, maxMs: settings.SESSION_MAX_DAYS * DAY_MS };
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** The stored expiry: the idle deadline, slid forward with each touch, never past the absolute one. */
export function sessionExpiry(createdAt: Date, lastSeenAt: Date, limits: SessionLimits): Date {
  return new Date(Math.min(createdAt.getTime() + limits.maxMs, lastSeenAt.getTime() + limits.idleMs));
}

/**
 * Alive until the stored expiry and within today's limits: lowering SESSION_IDLE_DAYS or
 * SESSION_MAX_DAYS takes effect at once for sessions that started under the old settings.
 */
export function isSessionAlive(session: SessionTimes, now: Date, limits: SessionLimits): boolean {
  const t = now.getTime();
  return t < session.expiresAt.getTime() && t < sessionExpiry(session.createdAt, session.lastSeenAt, limits).getTime();
}

export function isTouchDue(session: Pick<SessionTimes, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}

/**
 * Whether the session's last authentication (sign-in, or a re-entered password) is recent enough for a
 * sensitive change (FRESHNESS_MINUTES). A time in the future (clock skew) counts as fresh.
 */
export function isFreshAuthentication(authenticatedAt: Date, now: Date, freshnessMinutes: number): boolean {
  return now.getTime() - authenticatedAt.getTime() <= freshnessMinutes * 60 * 1000;
}
