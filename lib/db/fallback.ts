import "server-only";
import { redirect } from "next/navigation";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";
import { serviceUnavailablePath } from "@/lib/service-unavailable";
import { currentReturnTo } from "@/lib/auth/return-to";

// What pages, routes and actions do when the database cannot be reached. Nothing is remembered
// between requests: the next request tries the database again, so the site recovers by itself.

/**
 * While the database is out of reach: log one line and send the visitor to the 503 page, whose "Try
 * again" leads back to the requested page (or to `returnTo` for a request the middleware does not see).
 * Otherwise returns, for the caller to rethrow.
 */
export async function redirectIfDatabaseUnavailable(error: unknown, returnTo: string): Promise<void> {
  if (!isDatabaseUnavailable(error)) return;
  const back = await currentReturnTo(returnTo);
  // The path only: a query string may carry a reset or confirmation token, which logs must not keep.
  logDatabaseUnavailable(back.split("?")[0], error);
  redirect(serviceUnavailablePath(back));
}

/** Runs a render's database work; while the database is out of reach, the 503 page instead (back to this page, or `returnTo`). */
export async function orServiceUnavailable<T>(returnTo: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await redirectIfDatabaseUnavailable(error, returnTo);
    throw error;
  }
}

export const DATABASE_UNAVAILABLE = Symbol("database unavailable");

/** For forms, which answer with a message instead: the work's result, or DATABASE_UNAVAILABLE (logged). */
export async function orUnavailable<T>(where: string, work: () => Promise<T>): Promise<T | typeof DATABASE_UNAVAILABLE> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logDatabaseUnavailable(where, error);
    return DATABASE_UNAVAILABLE;
  }
}
