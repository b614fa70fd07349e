import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../integration/test-db";
import { createUser } from "@/lib/users/service";
import { endSession, endSessions, listSessions, resolveSession, startSession } from "@/lib/auth/sessions";
import { SESSION_TOUCH_MS } from "@/lib/auth/session-rules";
import { hashToken } from "@/lib/tokens/token";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { endUserSessions, setActive } from "@/lib/users/admin";
import { describeDevice } from "@/lib/auth/user-agent";

// The guard's session checks (lib/auth/guards.ts calls resolveSession with the cookie's session id),
// against a real database file, with the clock passed in. Defaults: idle 14 days, absolute 90.

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = "the brass band plays at noon";
const FROM = { ip: "203.0.113.5", userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36" };

let t: Awaited<ReturnType<typeof createTestDb>>;
let n = 0;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

async function userWithSession(start = new Date()) {
  const user = await createUser(t.db, { email: `session-${++n}@example.org`, password: PASSWORD });
  const sid = await startSession(t.db, user.id, FROM, start);
  return { user, sid };
}

describe("resolveSession: who a session cookie's id stands for", () => {
  it("a fresh session is its user, with roles and the session row; only the id's hash is stored", async () => {
    const { user, sid } = await userWithSession();
    const current = await resolveSession(t.db, sid);
    expect(current).toMatchObject({ id: user.id, email: user.email, roles: ["participant"] });
    const row = await t.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(current!.session.id).toBe(row.id);
    expect(row.tokenHash).toBe(hashToken(sid));
    expect(await t.db.session.count({ where: { tokenHash: sid } })).toBe(0);
    expect(row).toMatchObject({ ip: FROM.ip, userAgent: FROM.userAgent });
  });

  it("missing: an id with no row is signed out", async () => {
    expect(await resolveSession(t.db, "no-such-session-id")).toBeNull();
  });

  it("revoked: a deleted row is signed out, the user's other sessions are not", async () => {
    const { user, sid } = await userWithSession();
    const other = await startSession(t.db, user.id, FROM);
    expect(await endSessions(t.db, user.id, { except: (await resolveSession(t.db, other))!.session.id })).toBe(1);
    expect(await resolveSession(t.db, sid)).toBeNull();
    expect(await resolveSession(t.db, other)).not.toBeNull();
  });

  it("expired idle: no request for 14 days signs out, a request before that slides the deadline", async () => {
    const start = new Date(Date.now() - 30 * DAY);
    const { sid } = await userWithSession(start);
    expect(await resolveSession(t.db, sid, new Date(start.getTime() + 14 * DAY - 60_000))).not.toBeNull();
    // That request moved lastSeenAt: 13 more days are fine, 15 days after it are not.
    expect(await resolveSession(t.db, sid, new Date(start.getTime() + 27 * DAY))).not.toBeNull();
    expect(await resolveSession(t.db, sid, new Date(start.getTime() + 27 * DAY + 14 * DAY + 1))).toBeNull();
  });

  it("expired idle even when the stored expiry says otherwise (a lowered setting applies at once)", async () => {
    const { user, sid } = await userWithSession();
    await t.db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 15 * DAY), expiresAt: new Date(Date.now() + DAY) } });
    expect(await resolveSession(t.db, sid)).toBeNull();
  });

  it("expired absolute: 90 days after signing in, however recently used", async () => {
    const start = new Date(Date.now() - 100 * DAY);
    const { sid } = await userWithSession(start);
    for (let day = 10; day < 90; day += 10) expect(await resolveSession(t.db, sid, new Date(start.getTime() + day * DAY))).not.toBeNull();
    expect(await resolveSession(t.db, sid, new Date(start.getTime() + 90 * DAY - 60_000))).not.toBeNull();
    expect(await resolveSession(t.db, sid, new Date(start.getTime() + 90 * DAY))).toBeNull();
  });

  it("inactive user: signed out, and deactivation deletes every row", async () => {
    const { user, sid } = await userWithSession();
    await t.db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await resolveSession(t.db, sid)).toBeNull();
    await t.db.user.update({ where: { id: user.id }, data: { active: true } });
    expect(await resolveSession(t.db, sid)).not.toBeNull();
    await setActive(t.db, CLI_ACTOR, user.id, false);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("writes lastSeenAt at most once per 5 minutes per session", async () => {
    const start = new Date(Date.now() - DAY);
    const { user, sid } = await userWithSession(start);
    const seen = async () => (await t.db.session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt.getTime();
    // Twenty requests within the first five minutes: no write.
    for (let i = 1; i <= 20; i++) await resolveSession(t.db, sid, new Date(start.getTime() + (i * (SESSION_TOUCH_MS - 1)) / 20));
    expect(await seen()).toBe(start.getTime());
    // The first request after five minutes writes; the next ones within five minutes of it do not.
    const later = start.getTime() + SESSION_TOUCH_MS;
    await Promise.all(Array.from({ length: 5 }, () => resolveSession(t.db, sid, new Date(later))));
    expect(await seen()).toBe(later);
    await resolveSession(t.db, sid, new Date(later + SESSION_TOUCH_MS - 1));
    expect(await seen()).toBe(later);
    const row = await t.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.expiresAt.getTime()).toBe(later + 14 * DAY);
  });
});

describe("ending sessions", () => {
  it("a user ends only their own session: another user's session id deletes nothing", async () => {
    const mine = await userWithSession();
    const theirs = await userWithSession();
    const theirRow = (await resolveSession(t.db, theirs.sid))!.session.id;
    expect(await endSession(t.db, mine.user.id, theirRow)).toBe(false);
    expect(await resolveSession(t.db, theirs.sid)).not.toBeNull();
    expect(await endSession(t.db, theirs.user.id, theirRow)).toBe(true);
    expect(await resolveSession(t.db, theirs.sid)).toBeNull();
  });

  it("an organizer ends one session of the user named, never another user's, and all of them, audited", async () => {
    const a = await userWithSession();
    const b = await userWithSession();
    const bRow = (await resolveSession(t.db, b.sid))!.session.id;
    await expect(endUserSessions(t.db, CLI_ACTOR, a.user.id, bRow)).rejects.toThrow("No such session");
    expect(await resolveSession(t.db, b.sid)).not.toBeNull();
    await startSession(t.db, a.user.id, FROM);
    expect(await listSessions(t.db, a.user.id)).toHaveLength(2);
    expect(await endUserSessions(t.db, CLI_ACTOR, a.user.id)).toBe(2);
    expect(await listSessions(t.db, a.user.id)).toHaveLength(0);
    expect(await t.db.auditEvent.count({ where: { action: "user.sessions_ended", subjectId: a.user.id, actorLabel: "cli" } })).toBe(1);
  });

  it("signing in again clears the user's expired rows", async () => {
    const { user } = await userWithSession(new Date(Date.now() - 100 * DAY));
    await startSession(t.db, user.id, FROM);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("describeDevice", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15", "Safari on macOS"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0 Mobile/15E148 Safari/604.1", "Chrome on iPhone"],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36", "Chrome on Android"],
    ["Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0", "Opera on Windows"],
    ["curl/8.5.0", "a script"],
    ["", "Unknown device"],
  ])("%s", (ua, expected) => {
    expect(describeDevice(ua)).toBe(expected);
  });
});
