import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "./sessions";
import type { UserColumn } from "@/lib/users/access";
import { orServiceUnavailable } from "@/lib/db/fallback";
import { currentReturnTo } from "./return-to";
import { accountDecision, refusalPath, sessionUser, type AccountOptions, type AccountRefusal } from "./account-access";

// The decision itself is lib/auth/account-access.ts's (no Next.js API there); here it meets Next's
// request (next/headers) and answers with Next's redirect, 403 and 503 pages.
export { lacksRequiredSecondFactor, refusalPath, TWO_FACTOR_PATH, type AccountRefusal } from "./account-access";

/**
 * The signed-in user as the database knows them now, or null: one cookie decryption and one query,
 * which joins the session row to its user. No row (signed out, ended, never existed), an expired
 * one or an inactive user means signed out. Memoised per request, so a page with ten checks makes one query.
 */
export const getCurrentUser = cache((): Promise<CurrentUser | null> => readCurrentUser([]));

async function readCurrentUser<C extends UserColumn>(alsoRead: readonly C[]): Promise<CurrentUser<C> | null> {
  return sessionUser(await cookies(), await headers(), alsoRead);
}

/** getCurrentUser, or the 503 page while the database is out of reach (its "Try again" leads back to this page, or `returnTo`). */
export function currentUserOrUnavailable(returnTo: string): Promise<CurrentUser | null> {
  return orServiceUnavailable(returnTo, getCurrentUser);
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
 * accountDecision (lib/auth/account-access.ts) for this request. requirePermission and requireAdmin go
 * through here, so admin pages and actions are refused too. Pages use requireUser (a redirect); route
 * handlers answer with the refusal.
 */
export async function checkAccount<C extends UserColumn = never>(
  options: AccountOptions<C> = {},
): Promise<{ user: CurrentUser<C> } | { refusal: AccountRefusal }> {
  // Pages share one memoised read (getCurrentUser); a read with further columns is its own.
  const user = options.alsoRead?.length ? await readCurrentUser(options.alsoRead) : ((await getCurrentUser()) as CurrentUser<C> | null);
  return accountDecision(user, await cookies(), options);
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
