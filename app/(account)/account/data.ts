import "server-only";
import { cookies } from "next/headers";
import { BUILT_IN_ROLES, SELF_SERVICE_ROLES, can } from "@/lib/auth/permissions";
import { checkAccount, refusalPath } from "@/lib/auth/guards";
import type { CurrentUser } from "@/lib/auth/sessions";
import { dateFromDb } from "@/lib/users/access";
import { SESSION_HINT_COOKIE, encodeSessionHint } from "@/lib/session-hint";
import { setSessionHint } from "@/lib/session-hint/cookie";
import { countRoundTrips } from "@/lib/db/round-trips";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";
import { RETRY_AFTER_SECONDS, serviceUnavailablePath } from "@/lib/service-unavailable";
import { env } from "@/lib/env";
import type { AccountRefused, AccountView } from "./view";

// The data behind /account, whose HTML is prerendered and the same for everyone (README.md here). Served
// at GET /api/account (app/api/account/route.ts re-exports it: outside middleware.ts's matcher, which a
// path under /account is not). This is where the page's access check happens: one cookie decryption and
// one query, which also reads the sign-in history the page shows, so a page view costs one round trip.

/** The user's columns only this page shows, read in the access check's own query (checkAccount's alsoRead). */
const SIGN_IN_HISTORY = ["signInCount", "currentSignInAt", "currentSignInIp", "lastSignInAt", "lastSignInIp"] as const;

type AccountUser = CurrentUser<(typeof SIGN_IN_HISTORY)[number]>;

export async function GET() {
  const headers: Record<string, string> = { "Cache-Control": "private, no-store", Vary: "Cookie" };
  let counted;
  try {
    counted = await countRoundTrips(() => checkAccount({ alsoRead: SIGN_IN_HISTORY }));
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logDatabaseUnavailable("/api/account", error);
    // The page goes to the 503 page, whose "Try again" leads back to /account.
    const body: AccountRefused = { refusal: "unavailable", location: serviceUnavailablePath("/account") };
    return Response.json(body, { status: 503, headers: { ...headers, "Retry-After": String(RETRY_AFTER_SECONDS) } });
  }
  const { result: access, roundTrips } = counted;
  headers["Server-Timing"] = `db;desc="${roundTrips} round trip${roundTrips === 1 ? "" : "s"}"`;
  if ("refusal" in access) {
    const body: AccountRefused = { refusal: access.refusal, location: refusalPath(access.refusal, "/account") };
    return Response.json(body, { status: access.refusal === "unconfirmed" || access.refusal === "second-factor-required" ? 403 : 401, headers });
  }
  const { user } = access;
  // The header's display-only hint was written at sign-in: bring it up to date (a role granted or an
  // address changed since), so the header's links match what the server will allow.
  const hint = { email: user.email, admin: can(user, "admin.access") };
  if ((await cookies()).get(SESSION_HINT_COOKIE)?.value !== encodeSessionHint(hint)) await setSessionHint(hint);
  return Response.json(accountView(user), { headers });
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
