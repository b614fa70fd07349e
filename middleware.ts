import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "./auth.config";
import { can } from "@/lib/auth/permissions";

// Edge fast path, JWT only (no database): signed-out visitors to private pages go to sign-in, and
// users whose token lacks admin.access are kept out of /admin. It is a convenience: the (account) and
// (admin) layouts and every action check again on the server.
const { auth } = NextAuth(authConfig);

export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  const session = request.auth;
  if (!session?.user) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (pathname.startsWith("/admin") && !can(session.user, "admin.access")) {
    return NextResponse.rewrite(new URL("/forbidden", request.nextUrl), { status: 403 });
  }
  return NextResponse.next();
});

export const config = { matcher: ["/account/:path*", "/admin/:path*"] };
