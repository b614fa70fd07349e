import type { BrowserContext } from "@playwright/test";
import { encode } from "@auth/core/jwt";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { E2E } from "./env";
import { e2eDb, uniqueEmail } from "./helpers";

// Data for a test without the UI: a user row, and a session row with the cookie that names it, made
// as the app makes them (lib/auth/sessions.ts: the cookie's JWT carries a random id, the row its
// SHA-256). No bcrypt, no sign-in form: for specs whose subject is something else.

/** The format Prisma writes DateTime columns in (SQLite text). */
export function dbDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

/** A user without a password (only a passkey or a mailed link signs them in). */
export async function directUser(prefix = "direct"): Promise<{ id: string; email: string }> {
  const user = { id: `e2e${randomUUID().replaceAll("-", "")}`, email: uniqueEmail(prefix) };
  const now = dbDate(Date.now());
  await e2eDb().execute({
    sql: "INSERT INTO User (id, email, active, signInCount, createdAt, updatedAt, emailVerified) VALUES (?, ?, 1, 0, ?, ?, ?)",
    args: [user.id, user.email, now, now, now],
  });
  return user;
}

/** Signs `context` in as the user: a new session row, and its cookie in the browser. */
export async function directSignIn(context: BrowserContext, userId: string): Promise<void> {
  const sid = randomBytes(32).toString("base64url");
  const now = Date.now();
  await e2eDb().execute({
    sql: "INSERT INTO Session (id, tokenHash, userId, createdAt, lastSeenAt, expiresAt, ip, userAgent) VALUES (?, ?, ?, ?, ?, ?, '127.0.0.1', 'e2e')",
    args: [`e2e${randomUUID()}`, createHash("sha256").update(sid).digest("base64url"), userId, dbDate(now), dbDate(now), dbDate(now + 24 * 3600_000)],
  });
  const salt = "authjs.session-token";
  const value = await encode({ token: { sid }, secret: E2E.authSecret, salt, maxAge: 24 * 3600 });
  await context.addCookies([{ name: salt, value, url: E2E.baseURL, httpOnly: true, sameSite: "Lax" }]);
}
