import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { UserColumn } from "@/lib/users/access";
import { hasSessionCookie } from "./session-cookie";
import { readSessionClaims, usesSecureCookies } from "./session-token";
import { resolveSession, type CurrentUser } from "./sessions";
import { mustEnrolSecondFactor } from "./second-factor-rules";

// Who may use account pages and data, decided from a request's cookies and headers as plain readers:
// no Next.js request API here, so the same decision serves the guards (lib/auth/guards.ts, through
// next/headers) and the custom server's answer to GET /api/account (scripts/serve/account-data.mjs),
// which runs before Next.

export interface CookieReader {
  getAll(): { name: string; value: string }[];
}
export interface HeaderReader {
  get(name: string): string | null;
}

/** Why a request may not see account pages, and where the visitor goes instead. */
export type AccountRefusal = "signed-out" | "session-ended" | "unconfirmed" | "second-factor-required";

/** Where holders of TWO_FACTOR_REQUIRED_PERMISSIONS without a second factor are sent, and all they may use. */
export const TWO_FACTOR_PATH = "/account/two-factor";

export function refusalPath(refusal: AccountRefusal, returnTo: string): string {
  // `callbackUrl` is the sign-in page's query parameter (Auth.js's name, and links people keep).
  const callback = new URLSearchParams({ callbackUrl: returnTo });
  if (refusal === "unconfirmed") return "/confirm-email";
  if (refusal === "second-factor-required") return TWO_FACTOR_PATH;
  // A cookie without a valid session is a revoked one: /session-ended clears it and says so.
  if (refusal === "session-ended") return `/session-ended?${callback}`;
  return `/sign-in?${callback}`;
}

/**
 * Whether the user holds a permission of TWO_FACTOR_REQUIRED_PERMISSIONS without having a second factor.
 * Read from the database on every request, so a grant applies at the user's next request.
 */
export function lacksRequiredSecondFactor(user: Pick<CurrentUser, "permissions" | "secondFactor">): boolean {
  return mustEnrolSecondFactor(user, env().TWO_FACTOR_REQUIRED_PERMISSIONS);
}

export interface AccountOptions<C extends UserColumn = never> {
  /** The confirmation page itself. */
  allowUnconfirmed?: boolean;
  /** The second-factor enrolment page and its actions (and the re-authentication page they may need). */
  allowWithoutSecondFactor?: boolean;
  /** Further columns of the user to read in the same query (CurrentUser's `also`); a route handler's. */
  alsoRead?: readonly C[];
}

/** The signed-in user behind these cookies, as the database knows them now, or null: one decryption, one query. */
export async function sessionUser<C extends UserColumn = never>(
  cookies: CookieReader,
  headers: HeaderReader,
  alsoRead: readonly C[] = [],
): Promise<CurrentUser<C> | null> {
  const claims = await readSessionClaims(cookies, usesSecureCookies(headers));
  return claims?.sid ? resolveSession(prisma, claims.sid, new Date(), alsoRead) : null;
}

/**
 * The one place that decides who may use account pages and data. With REQUIRE_EMAIL_CONFIRMATION on,
 * a user whose address is unconfirmed is refused unless the caller is the confirmation page itself
 * (`allowUnconfirmed`); a holder of TWO_FACTOR_REQUIRED_PERMISSIONS without a second factor is refused
 * everything but enrolment (`allowWithoutSecondFactor`). No user: "session-ended" when a session cookie
 * came (a revoked or expired one), "signed-out" otherwise.
 */
export function accountDecision<C extends UserColumn = never>(
  user: CurrentUser<C> | null,
  cookies: CookieReader,
  options: AccountOptions<C> = {},
): { user: CurrentUser<C> } | { refusal: AccountRefusal } {
  if (user) {
    if (!options.allowUnconfirmed && !user.emailVerified && env().REQUIRE_EMAIL_CONFIRMATION) return { refusal: "unconfirmed" };
    if (!options.allowWithoutSecondFactor && lacksRequiredSecondFactor(user)) return { refusal: "second-factor-required" };
    return { user };
  }
  return { refusal: hasSessionCookie(cookies) ? "session-ended" : "signed-out" };
}
