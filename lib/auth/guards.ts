import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { hasSessionCookie } from "./session-cookie";
import { readSessionClaims, usesSecureCookies } from "./session-token";
import { resolveSession, type CurrentUser } from "./sessions";
import { env } from "@/lib/env";
import { orServiceUnavailable } from "@/lib/db/fallback";
import { mustEnrolSecondFactor } from "./second-factor-rules";

/**
 * The signed-in user as the database knows them now, or null: one cookie decryption and one query,
 * which joins the session row to its user. No row (signed out, ended, never existed), an expired
 * one or an inactive user means signed out. Memoised per request, so a page with ten checks makes one query.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims(await cookies(), usesSecureCookies(await headers()));
  return claims?.sid ? resolveSession(prisma, claims.sid) : null;
});

/** getCurrentUser, or the 503 page while the database is out of reach (its "Try again" leads back to `from`). */
export function currentUserOrUnavailable(from: string): Promise<CurrentUser | null> {
  return orServiceUnavailable(from, getCurrentUser);
}

/** Why a request may not see account pages, and where the visitor goes instead. */
export type AccountRefusal = "signed-out" | "session-ended" | "unconfirmed" | "second-factor-required";

/** Where holders of TWO_FACTOR_REQUIRED_PERMISSIONS without a second factor are sent, and all they may use. */
export const TWO_FACTOR_PATH = "/account/two-factor";

export function refusalPath(refusal: AccountRefusal, callbackPath: string): string {
  const callback = new URLSearchParams({ callbackUrl: callbackPath });
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

interface AccountOptions {
  /** The confirmation page itself. */
  allowUnconfirmed?: boolean;
  /** The second-factor enrolment page and its actions (and the re-authentication page they may need). */
  allowWithoutSecondFactor?: boolean;
}

/**
 * The one place that decides who may use account pages and data. With REQUIRE_EMAIL_CONFIRMATION on,
 * a user whose address is unconfirmed is refused unless the caller is the confirmation page itself
 * (`allowUnconfirmed`); a holder of TWO_FACTOR_REQUIRED_PERMISSIONS without a second factor is refused
 * everything but enrolment (`allowWithoutSecondFactor`). requirePermission and requireAdmin go through
 * here, so admin pages and actions are refused too. Pages use requireUser (a redirect); route handlers
 * answer with the refusal.
 */
export async function checkAccount(options: AccountOptions = {}): Promise<{ user: CurrentUser } | { refusal: AccountRefusal }> {
  const user = await getCurrentUser();
  if (user) {
    if (!options.allowUnconfirmed && !user.emailVerified && env().REQUIRE_EMAIL_CONFIRMATION) return { refusal: "unconfirmed" };
    if (!options.allowWithoutSecondFactor && lacksRequiredSecondFactor(user)) return { refusal: "second-factor-required" };
    return { user };
  }
  return { refusal: hasSessionCookie(await cookies()) ? "session-ended" : "signed-out" };
}

/** The signed-in user, or a redirect: to sign-in, to /session-ended for a revoked cookie, or to /confirm-email. */
export async function requireUser(callbackPath = "/account", options: AccountOptions = {}): Promise<CurrentUser> {
  // The first query of every protected page and action: an unreachable database ends here, on the 503 page.
  const access = await orServiceUnavailable(callbackPath, () => checkAccount(options));
  if ("user" in access) return access.user;
  redirect(refusalPath(access.refusal, callbackPath));
}

/** Signed out: to sign-in. Signed in without the permission: 403 (app/forbidden.tsx). */
export async function requirePermission(permission: Permission, callbackPath = "/account"): Promise<CurrentUser> {
  const user = await requireUser(callbackPath);
  if (!can(user, permission)) forbidden();
  return user;
}
