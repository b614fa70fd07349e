import { cookies } from "next/headers";
import { checkAccount, refusalPath } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { SESSION_HINT_COOKIE, encodeSessionHint } from "@/lib/session-hint";
import { setSessionHint } from "@/lib/session-hint/cookie";
import { accountView } from "@/lib/account/view-builder";
import type { AccountRefused, AccountView } from "@/lib/account/view";
import { countRoundTrips } from "@/lib/db/round-trips";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";
import { RETRY_AFTER_SECONDS, serviceUnavailablePath } from "@/lib/service-unavailable";

// The data behind /account, whose HTML is prerendered and the same for everyone (so it is served as
// fast as the home page). This is where that page's access check happens: one cookie decryption and
// one query, which also carries the sign-in history, so a page view costs one database round trip.
export async function GET() {
  const headers: Record<string, string> = { "Cache-Control": "private, no-store", Vary: "Cookie" };
  let counted;
  try {
    counted = await countRoundTrips(() => checkAccount());
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
  const body: AccountView = accountView(user);
  return Response.json(body, { headers });
}
