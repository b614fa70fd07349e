import { NextResponse, type NextRequest } from "next/server";
import { can } from "@/lib/auth/permissions";
import { readSessionClaims } from "@/lib/auth/session-token";

// Edge fast path, JWT only (no database): signed-out visitors to private pages go to sign-in, and
// tokens without admin.access are kept out of /admin. It is a convenience: the (account) and (admin)
// layouts and every action check again on the server, against the database.
export default async function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const claims = await readSessionClaims(request.cookies);
  if (!claims) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (pathname.startsWith("/admin") && !can({ roles: claims.roles ?? [], permissions: claims.perms ?? [] }, "admin.access")) {
    return NextResponse.rewrite(new URL("/forbidden", request.nextUrl), { status: 403 });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/account/:path*", "/admin/:path*"] };
