import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { currentUserOrUnavailable } from "@/lib/auth/guards";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { sessionCookieNames } from "@/lib/auth/session-cookie";
import { setFlash } from "@/lib/flash";
import { clearSessionHint } from "@/lib/session-hint/cookie";

// Where the guards send a browser whose session cookie no longer holds (its session row was ended
// from another device or by an organizer, expired, or the user was deactivated): clear the cookie,
// say why, and go to sign-in.
// A GET, so it must not be a way to sign someone out: a valid session is left alone.
export async function GET(request: NextRequest) {
  const returnTo = safeRedirectPath(request.nextUrl.searchParams.get("callbackUrl"));
  if (await currentUserOrUnavailable(returnTo)) return NextResponse.redirect(new URL(returnTo, request.nextUrl));
  const jar = await cookies();
  const stale = sessionCookieNames(jar);
  // A "__Secure-" cookie (production, HTTPS) is only replaced by one that is Secure too: a plain
  // delete() would be ignored by the browser and the dead cookie would keep coming back here.
  for (const name of stale) jar.set(name, "", { maxAge: 0, path: "/", secure: name.startsWith("__Secure-"), httpOnly: true, sameSite: "lax" });
  await clearSessionHint();
  if (stale.length) await setFlash("Your session has ended. Please sign in again.");
  const signIn = new URL("/sign-in", request.nextUrl);
  signIn.searchParams.set("callbackUrl", returnTo);
  return NextResponse.redirect(signIn);
}
