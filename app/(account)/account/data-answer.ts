import "server-only";
import { BUILT_IN_ROLES, SELF_SERVICE_ROLES, can } from "@/lib/auth/permissions";
import { accountDecision, refusalPath, sessionUser, type CookieReader, type HeaderReader } from "@/lib/auth/account-access";
import type { CurrentUser } from "@/lib/auth/sessions";
import { dateFromDb } from "@/lib/users/access";
import { SESSION_HINT_COOKIE, encodeSessionHint, type SessionHint } from "@/lib/session-hint";
import { countRoundTrips } from "@/lib/db/round-trips";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";
import { RETRY_AFTER_SECONDS, serviceUnavailablePath } from "@/lib/service-unavailable";
import { env } from "@/lib/env";
import type { AccountRefused, AccountView } from "./view";

// GET /api/account's answer, from the request's cookies and headers as plain readers: Next's route
// (data.ts) and the custom server in front of Next (front-answer.ts) send the same answer. This is where
// the page's access check happens: one cookie decryption and one query, which also reads the sign-in
// history the page shows, so a page view costs one round trip.

/** The user's columns only this page shows, read in the access check's own query (alsoRead). */
const SIGN_IN_HISTORY = ["signInCount", "currentSignInAt", "currentSignInIp", "lastSignInAt", "lastSignInIp"] as const;

type AccountUser = CurrentUser<(typeof SIGN_IN_HISTORY)[number]>;

export interface AccountDataAnswer {
  status: number;
  headers: Record<string, string>;
  body: AccountView | AccountRefused;
  /** The header's display-only hint to write, when the one the request came with is out of date. */
  sessionHint?: SessionHint;
}

export async function accountDataAnswer(cookies: CookieReader, requestHeaders: HeaderReader): Promise<AccountDataAnswer> {
  const headers: Record<string, string> = { "Cache-Control": "private, no-store", Vary: "Cookie" };
  let counted;
  try {
    counted = await countRoundTrips(async () => accountDecision(await sessionUser(cookies, requestHeaders, SIGN_IN_HISTORY), cookies));
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logDatabaseUnavailable("/api/account", error);
    // The page goes to the 503 page, whose "Try again" leads back to /account.
    const body: AccountRefused = { refusal: "unavailable", location: serviceUnavailablePath("/account") };
    return { status: 503, headers: { ...headers, "Retry-After": String(RETRY_AFTER_SECONDS) }, body };
  }
  const { result: access, roundTrips } = counted;
  headers["Server-Timing"] = `db;desc="${roundTrips} round trip${roundTrips === 1 ? "" : "s"}"`;
  if ("refusal" in access) {
    const body: AccountRefused = { refusal: access.refusal, location: refusalPath(access.refusal, "/account") };
    return { status: access.refusal === "unconfirmed" || access.refusal === "second-factor-required" ? 403 : 401, headers, body };
  }
  const { user } = access;
  // The header's display-only hint was written at sign-in: bring it up to date (a role granted or an
  // address changed since), so the header's links match what the server will allow.
  const hint = { email: user.email, admin: can(user, "admin.access") };
  const current = cookies.getAll().find((c) => c.name === SESSION_HINT_COOKIE)?.value;
  return { status: 200, headers, body: accountView(user), sessionHint: current === encodeSessionHint(hint) ? undefined : hint };
}

/** Everything /account shows, from the access record the guard already read: no further query. */
export function accountView(user: AccountUser): AccountView {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const { also } = user;
  return {
    email: user.email,
    name: user.name ?? "",
    roles: user.roles,
    createdAt: user.createdAt.toISOString(),
    signIns: {
      count: Number(also.signInCount),
      currentAt: iso(dateFromDb(also.currentSignInAt)),
      currentIp: (also.currentSignInIp as string | null) ?? null,
      lastAt: iso(dateFromDb(also.lastSignInAt)),
      lastIp: (also.lastSignInIp as string | null) ?? null,
    },
    festivalRoles: SELF_SERVICE_ROLES.map((name) => ({
      name,
      description: BUILT_IN_ROLES.find((r) => r.name === name)?.description ?? "",
      held: user.roles.includes(name),
    })),
    timeZone: env().FESTIVAL_TIME_ZONE,
  };
}
