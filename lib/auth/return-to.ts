import "server-only";
import { headers } from "next/headers";
import { REQUEST_PATH_HEADER } from "@/lib/service-unavailable";
import { DEFAULT_AFTER_SIGN_IN, safeRedirectPath } from "./safe-redirect";

/**
 * The return address of this request: the page it is for, path and query ("/admin/users?page=2"), from
 * the header middleware.ts sets on every page and action post it sees, checked as every return address
 * is (safeRedirectPath). A request the middleware does not see (a route handler outside its matcher)
 * has none: `fallback`.
 */
export async function currentReturnTo(fallback: string = DEFAULT_AFTER_SIGN_IN): Promise<string> {
  return safeRedirectPath((await headers()).get(REQUEST_PATH_HEADER), fallback);
}
