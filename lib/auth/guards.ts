import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { hasSessionCookie } from "./session-cookie";
import { readSessionClaims, usesSecureCookies } from "./session-token";
import { resolveSession, type CurrentUser } from "./sessions";
import type { UserColumn } from "@/lib/users/access";
import { env } from "@/lib/env";
import { orServiceUnavailable } from "@/lib/db/fallback";
import { mustEnrolSecondFactor } from "./second-factor-rules";
import { currentReturnTo } from "./return-to";

/**
 * The signed-in user as the database knows them now, or null: one cookie decryption and one query,
 * which joins the session row to its user. No row (signed out, ended, never existed), an expired
 * one or an inactive user means signed out. Memoised per request, so a page with ten checks makes one query.
 */
export const getCurrentUser = cache((): Promise<CurrentUser | null> => readCurrentUser([]));

async function readCurrentUser<C extends UserColumn>(alsoRead: readonly C[]): Promise<CurrentUser<C> | null> {
  const claims = await readSessionClaims(await cookies(), usesSecureCookies(await headers()));
  return claims?.sid ? resolveSession(prisma, claims.sid, new Date(), alsoRead) : null;
}

/** getCurrentUser, or the 503 page while the database is out of reach (its "Try again" leads back to this page, or `returnTo`). */
export function currentUserOrUnavailable(returnTo: string): Promise<CurrentUser | null> {
  return orServiceUnavailable(returnTo, getCurrentUser);
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

interface AccountOptions<C extends UserColumn = never> {
  /** Further columns of the user to read in the same query (CurrentUser's `also`); a route handler's. */
  alsoRead?: readonly C[];
  /** The confirmation page itself. */
  allowUnconfirmed?: boolean;
  /** The second-factor enrolment page and its actions (and the re-authentication page they may need). */
  allowWithoutSecondFactor?: boolean;
}

export interface GuardOptions extends AccountOptions {
  /**
   * Where to come back to after signing in. By default the page this request is for (currentReturnTo:
   * middleware.ts's header, so /admin/users?page=2 comes back to page 2); route handlers whose own
   * address is no page to come back to (a POST-only upload, a download) name their page.
   */
  returnTo?: string;
}

/**
 * The one place that decides who may use account pages and data. With REQUIRE_EMAIL_CONFIRMATION on,
 * a user whose address is unconfirmed is refused unless the caller is the confirmation page itself
 * (`allowUnconfirmed`); a holder of TWO_FACTOR_REQUIRED_PERMISSIONS without a second factor is refused
 * everything but enrolment (`allowWithoutSecondFactor`). requirePermission and requireAdmin go through
 * here, so admin pages and actions are refused too. Pages use requireUser (a redirect); route handlers
 * answer with the refusal.
 */
export async function checkAccount<C extends UserColumn = never>(
  options: AccountOptions<C> = {},
): Promise<{ user: CurrentUser<C> } | { refusal: AccountRefusal }> {
  // Pages share one memoised read (getCurrentUser); a read with further columns is its own.
  const user = options.alsoRead?.length ? await readCurrentUser(options.alsoRead) : ((await getCurrentUser()) as CurrentUser<C> | null);
  if (user) {
    if (!options.allowUnconfirmed && !user.emailVerified && env().REQUIRE_EMAIL_CONFIRMATION) return { refusal: "unconfirmed" };
    if (!options.allowWithoutSecondFactor && lacksRequiredSecondFactor(user)) return { refusal: "second-factor-required" };
    return { user };
  }
  return { refusal: hasSessionCookie(await cookies()) ? "session-ended" : "signed-out" };
}

/** The signed-in user, or a redirect: to sign-in, to /session-ended for a revoked cookie, or to /confirm-email. */
export async function requireUser(options: GuardOptions = {}): Promise<CurrentUser> {
  const returnTo = options.returnTo ?? (await currentReturnTo());
  // The first query of every protected page and action: an unreachable database ends here, on the 503 page.
  const access = await orServiceUnavailable(returnTo, () => checkAccount(options));
  if ("user" in access) return access.user;
  redirect(refusalPath(access.refusal, returnTo));
}

/** Signed out: to sign-in. Signed in without the permission: 403 (app/forbidden.tsx). */
export async function requirePermission(permission: Permission, options: GuardOptions = {}): Promise<CurrentUser> {
  const user = await requireUser(options);
  if (!can(user, permission)) forbidden();
  return user;
}
